"""Task lists in notes: open and done items, what a question asks of them, and how a model reads them."""

from second_me.domain import FileOrigin, Hit, Memory
from second_me.retrieval.context import format_memory
from second_me.text.tasks import DONE, OPEN, asked_state, states_in_words, task_state

GARDEN = "- [x] Order seed potatoes\n- [ ] Fix the greenhouse door hinge\n1. [X] Turn the compost\nnot [ ] a task"


def test_a_task_item_is_open_or_done_and_other_text_is_neither():
    assert task_state("- [ ] Fix the greenhouse door hinge") == OPEN
    assert task_state("* [x] Order seed potatoes") == DONE
    assert task_state("2) [X] Turn the compost") == DONE
    assert task_state("The hinge [ ] is loose") is None and task_state("- Fix the hinge") is None


def test_what_a_question_asks_of_a_task_list():
    assert asked_state("What's still to do in the garden?") == OPEN
    assert asked_state("What's left on my todo list?") == OPEN
    assert asked_state("Which jobs have I finished?") == DONE
    assert asked_state("How long do I proof the dough?") is None


def test_a_model_is_shown_each_items_state_in_words_and_the_quote_keeps_the_notes_text():
    assert states_in_words(GARDEN) == ("- [x] (done) Order seed potatoes\n- [ ] (not done yet) Fix the greenhouse door "
                                       "hinge\n1. [X] (done) Turn the compost\nnot [ ] a task")
    hit = Hit(Memory(1, "chunk", GARDEN, 1_700_000_000.0, None, 30.0, 0, False, "active"), 1.0, 1.0,
              FileOrigin("garden.md", 1, 4))
    assert "[x] (done) Order seed potatoes" in format_memory(1, hit, spoken=True)  # what the reader reads
    assert "[x] Order seed potatoes" in format_memory(1, hit)  # as written elsewhere


def test_a_trackers_row_is_open_while_its_cell_under_the_column_asked_is_empty():
    """"Which invoices haven't been paid yet?" quoted the row of one paid in November beside one unpaid, and
    missed the other: a row's cell under "Paid" says whether it was."""
    header = "| No. | Client | Amount | Sent | Paid |"
    unpaid, paid = (f"{header}\n| 2026-015 | Northfield | £1,100 | 2026-11-02 | |",
                    f"{header}\n| 2026-014 | Brightwater | £2,520 | 2026-10-17 | 2026-11-18 |")
    for question in ("Which invoices haven't been paid yet?", "Which invoices are unpaid?"):
        assert asked_state(question) == OPEN
        assert (task_state(unpaid, question), task_state(paid, question)) == (OPEN, DONE)
    assert asked_state("Which invoices have been paid?") == DONE
    assert task_state(paid, "Which invoices haven't been sent?") == DONE  # the column the question names
    assert task_state(unpaid, "Who did not come?") is None and asked_state("Who did not come?") is None
    assert asked_state("How heavy was Owen when he was born?") is None  # a name is no "was sent"
    assert task_state(unpaid) is None  # no question, no column
