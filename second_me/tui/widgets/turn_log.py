"""The conversation as it scrolls: the welcome line, questions, answers with their sources."""

from __future__ import annotations

from typing import Sequence

from textual.containers import VerticalScroll
from textual.widgets import Label

from second_me.domain import Hit
from second_me.tui.widgets.turns import AnswerTurn, CitationList, UserTurn

WELCOME = ("Ask anything about what you have told me or the files you have added. "
           "Answers cite their sources; select one to see it.")


class TurnLog(VerticalScroll):
    def compose(self):
        yield Label(WELCOME, id="welcome")

    def on_mount(self) -> None:
        self.anchor()

    async def clear(self) -> None:
        """An empty chat: only the welcome line."""
        await self.remove_children()
        await self.mount(Label(WELCOME, id="welcome"))

    async def show(self, turns: Sequence, sources: dict[int, list[tuple[int, Hit, str]]]) -> list[str]:
        """A stored chat (`sources`: turn index → its numbered citations, labelled); returns its questions."""
        await self.remove_children()
        questions = []
        for index, turn in enumerate(turns):
            if turn.role == "user":
                await self.mount(UserTurn(turn.text))
                questions.append(turn.text)
            else:
                answer = AnswerTurn(turn.text)
                await self.mount(answer)
                if sources.get(index):
                    await answer.mount(CitationList(sources[index]))
        if not turns:
            await self.mount(Label(WELCOME, id="welcome"))
        self.scroll_end(animate=False)
        return questions

    async def ask(self, question: str, state: str) -> AnswerTurn:
        """A new question, and the answer that will stream in below it."""
        for welcome in self.query("#welcome"):
            await welcome.remove()
        await self.mount(UserTurn(question))
        answer = AnswerTurn(state=state)
        await self.mount(answer)
        self.scroll_end(animate=False)
        return answer

    def last_answer(self) -> AnswerTurn | None:
        answers = self.query(AnswerTurn)
        return answers.last() if answers else None
