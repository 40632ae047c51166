"""Write a synthetic WhatsApp "Export chat" file of N messages, deterministically.

    python bench/make_whatsapp_export.py --messages 50000 --out /tmp/chat.txt [--style ios] [--seed 7]

Two friends (and now and then a third) chat over months, in the line format a phone writes
(`--style android-us`: `12/31/23, 9:41 PM - Name: text` with U+202F; `android-eu`:
`31/12/2023, 21:41 - Name: text`; `ios`: `[31/12/2023, 21:41:05] Name: text` with U+200E
marks). Like a real export it has multi-line messages, media placeholders (some with a
caption), edited and deleted messages, emoji and system lines (the encryption notice, a
missed call): about 6 % of the lines are not turns. Each message is a few to forty words drawn
from a vocabulary of everyday topics, so embedding it costs what a real chat's message does.
`write_export()` is what the import benchmark calls; it returns how many turns the file holds.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

STYLES = ("android-us", "android-eu", "ios")
PEOPLE = ("Maya Torres", "Sam Okafor")
THIRD = "Priya"
START = datetime(2023, 1, 7, 8, 30)
TOPICS = {
    "food": "dinner pasta recipe market bakery curry ramen tacos brunch coffee tea cake soup garden tomatoes",
    "family": "mum dad kids sister brother grandma birthday school homework holiday visit weekend",
    "work": "meeting deadline project manager office shift interview report client presentation email",
    "outdoors": "hike climbing swimming pottery running bike trail beach park camping lake weather",
    "plans": "tomorrow tonight saturday sunday next week train tickets booking flight hotel concert",
    "feelings": "tired excited happy nervous proud stressed relaxed grateful bored curious",
}
FILLERS = "the a my our your this that really just so then and but with at for to about after before".split()
SHORT = ("ok", "haha", "Thanks!", "Nice! What was it like?", "sounds good", "lol yes", "👍", "Same here",
         "How did it go?", "Oh wow", "😂😂", "see you then")
MEDIA = {"android": ("<Media omitted>", "IMG-{date}-WA{n:04d}.jpg (file attached)",
                     "VID-{date}-WA{n:04d}.mp4 (file attached)", "PTT-{date}-WA{n:04d}.opus (file attached)"),
         "ios": ("\u200eimage omitted", "\u200evideo omitted", "\u200e<attached: {n:08d}-PHOTO-{iso}.jpg>",
                 "\u200eaudio omitted")}


def sentence(rng: random.Random) -> str:
    words = TOPICS[rng.choice(list(TOPICS))].split()
    count = rng.choice((3, 5, 8, 12, 18, 25, 40))
    picked = [rng.choice(words) if rng.random() < 0.55 else rng.choice(FILLERS) for _ in range(count)]
    text = " ".join(picked).capitalize() + rng.choice((".", "!", "?", "", " 😊", " 🎉"))
    return text


def _stamp(moment: datetime, style: str) -> str:
    if style == "android-us":
        hour = moment.hour % 12 or 12
        half = "AM" if moment.hour < 12 else "PM"
        return f"{moment.month}/{moment.day}/{moment.year % 100:02d}, {hour}:{moment.minute:02d}\u202f{half} - "
    if style == "android-eu":
        return f"{moment.day:02d}/{moment.month:02d}/{moment.year}, {moment.hour:02d}:{moment.minute:02d} - "
    return f"[{moment.day:02d}/{moment.month:02d}/{moment.year}, {moment:%H:%M:%S}] "


def _body(rng: random.Random, style: str, moment: datetime, number: int) -> tuple[str, bool]:
    """(text after "Name: ", whether it is a turn) for one message."""
    roll = rng.random()
    if roll < 0.03:
        return ("\u200eThis message was deleted." if style == "ios" else "This message was deleted"), False
    if roll < 0.09:
        kind = "ios" if style == "ios" else "android"
        media = rng.choice(MEDIA[kind]).format(date=moment.strftime("%Y%m%d"), n=number,
                                               iso=moment.strftime("%Y-%m-%d-%H-%M-%S"))
        caption = "\n" + sentence(rng) if rng.random() < 0.4 and "omitted>" not in media else ""
        return media + caption, True
    if roll < 0.30:
        return rng.choice(SHORT), True
    text = sentence(rng)
    if rng.random() < 0.12:
        text += "\n" + "\n".join(sentence(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.03:
        text += " \u200e<This message was edited>" if style == "ios" else " <This message was edited>"
    return text, True


def write_export(path: Path, messages: int, style: str = "android-us", seed: int = 7) -> int:
    """Write the export; returns the number of turns an importer should find in it."""
    rng = random.Random(seed)
    moment = START
    turns = 0
    with path.open("w", encoding="utf-8", newline="\r\n" if style == "ios" else "\n") as out:
        notice = "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, " \
                 "can read or listen to them."
        out.write(_stamp(moment, style) + (f"{PEOPLE[1]}: \u200e{notice}\n" if style == "ios" else f"{notice}\n"))
        for number in range(messages):
            moment += timedelta(seconds=rng.choice((20, 45, 90, 300, 1800, 3 * 3600, 14 * 3600)))
            if rng.random() < 0.005:
                missed = (f"{PEOPLE[0]}: \u200eMissed voice call" if style == "ios" else
                          f"{PEOPLE[0]} changed their phone number to a new number. Tap to message or add the new number.")
                out.write(_stamp(moment, style) + missed + "\n")
                continue
            speaker = THIRD if rng.random() < 0.05 else PEOPLE[number % 2 if rng.random() < 0.7 else rng.randint(0, 1)]
            body, is_turn = _body(rng, style, moment, number)
            turns += is_turn
            out.write(f"{_stamp(moment, style)}{speaker}: {body}\n")
    return turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--style", choices=STYLES, default="android-us")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    turns = write_export(args.out, args.messages, args.style, args.seed)
    print(f"wrote {args.out}: {args.messages} lines of messages, {turns} turns, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
