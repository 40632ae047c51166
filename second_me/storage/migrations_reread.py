"""Migrations 9 to 17 and 19 to 27: what older rules stored is read again with the newer ones (the dates messages
tell of, summaries, Word files, daily notes). Listed in order in `migrations.MIGRATIONS`; once released, never
edited."""

from __future__ import annotations


def _m9_dates_read_again(conn) -> None:
    """The dates messages tell of, read again: stays of several days ("14 to 21 June") and the month a
    plan is for ("flights for June") are now understood."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m10_days_of_the_month_read_again(conn) -> None:
    """A day of the month alone ("it's on the 19th") is read on the side its tense says, not just the
    nearest: said on 4 May, it had been 19 April."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m11_summaries_written_again(conn) -> None:
    """Every summary is written again in the background: an extract now keeps what tells something,
    not a conversation's first greetings."""
    conn.execute("UPDATE summary_nodes SET dirty = 1")


def _m12_months_of_a_year_read_again(conn) -> None:
    """A month with its year ("we're looking at July 2026") is now a date a message tells of."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m13_dated_days_read_again(conn) -> None:
    """A day and month without a year ("the marathon on 7 December") is read on the side its tense
    says, as a day of the month alone is: signed up for in February, it had been last December's."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m14_titles_and_word_headings_read_again(conn) -> None:
    """"Reading Tomorrow, and Tomorrow" tells of no day (a title); a Word file's headings were read twice."""
    from second_me.storage.messages import read_event_dates_again
    read_event_dates_again(conn)  # and Word files are read again at their next scan
    conn.execute("UPDATE sources SET content_hash = NULL, mtime = NULL WHERE lower(path) LIKE '%.docx'")


def _m15_weekdays_of_dates_read_again(conn) -> None:
    """"The Mill, Saturday 6th June 2026" tells of 6 June 2026 alone: the weekday had been read as a
    Saturday of its own, the one before the message."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m16_counts_ago_read_again(conn) -> None:
    """"put a stent in two days ago" tells of two days before the message (the "in" had made it a
    time ahead, and dropped it), and "a fortnight ago" of two weeks before."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m17_days_a_plan_was_moved_to_read_again(conn) -> None:
    """"The dentist moved my cleaning to 18 December", said on 2 December, tells of the coming 18
    December: the past tense of "moved" had made it the December before."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m19_daily_notes_dated_by_their_names(conn) -> None:
    """A note whose file is named by its day ("2026-10-04.md") tells of that day, and its words' days are
    read against it: "When did I buy the bike?" is answered by the note's day, not when it was saved.
    And a turn's dates are read again: a weekday said with a date ("by Friday 15 March") picks its year."""
    import os

    from second_me.storage.messages import add_event_dates, read_event_dates_again
    from second_me.text.note_days import day_of_note, note_dates

    read_event_dates_again(conn)
    # Only the notes named by their day are read: most of a store's chunks are not.
    dated = [(source_id, os.path.basename(path)) for source_id, path in conn.execute("SELECT id, path FROM sources")
             if day_of_note(os.path.basename(path)) is not None]
    for source_id, name in dated:
        for memory_id, text in conn.execute("SELECT id, text FROM memories WHERE kind = 'chunk' AND source_id = ?",
                                            (source_id,)).fetchall():
            conn.execute("DELETE FROM memory_dates WHERE memory_id = ?", (memory_id,))
            add_event_dates(conn, memory_id, note_dates(name, text))


def _m20_what_can_be_done_read_ahead(conn) -> None:
    """A weekday said with "can" or "should" ("he can go home on Wednesday", said on a Monday) is read
    ahead: it had been the Wednesday before."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m21_plans_and_deadlines_read_again(conn) -> None:
    """A deadline taken on ("agreed to write it by 20 November") and a plan said with its verb first
    ("Meeting the estate agent on Tuesday") are read ahead; "12 and 14 November" is both days, and
    "tommorow" as people type it is tomorrow: each had been another day, or none."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m22_assistant_chats_searched_by_their_titles(conn) -> None:
    """A turn of a chat with an assistant app is searched by the chat's title too ("Birthday present
    for Mum" for "I went with the RHS day pass"), as turns imported from now on are."""
    from second_me.domain import assistant_chat_title
    from second_me.storage.messages import context_key

    rows = conn.execute("SELECT mem.id, mem.context, c.name FROM memories mem JOIN messages m ON m.id = mem.message_id "
                        "JOIN conversations c ON c.id = m.conversation_id WHERE mem.kind = 'message'").fetchall()
    for memory_id, context, name in rows:
        title = assistant_chat_title(name)
        if title and not (context or "").startswith(title):
            conn.execute("UPDATE memories SET context = ? WHERE id = ?",
                         (context_key(f"{title} {context or ''}"), memory_id))


def _m23_portraits_in_the_users_own_words(conn) -> None:
    """The portrait of the user is written again, leaving out what other people said in a chat: it had
    opened with another speaker's words ("Portrait of the user: Aisha Khan: Plot 14 is officially ours!!")."""
    conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE level = 'portrait'")


def _m24_journal_sections_dated_by_their_headings(conn) -> None:
    """A section of a note under a heading that is a day ("## 19 October" of journal/2026-10.md) tells of
    that day: "When did Dad have his cataract operation?" is answered by it, not by when the file was saved."""
    import json
    import os

    from second_me.storage.messages import add_event_dates
    from second_me.text.note_days import day_of_note, note_dates

    rows = conn.execute("SELECT mem.id, mem.text, mem.meta, mem.created_at, s.path FROM memories mem "
                        "JOIN sources s ON s.id = mem.source_id WHERE mem.kind = 'chunk'").fetchall()
    for memory_id, text, meta, created_at, path in rows:
        name, heading = os.path.basename(path), json.loads(meta or "{}").get("heading", "")
        dates = note_dates(name, text, heading, created_at) if heading and day_of_note(name) is None else []
        if dates:
            conn.execute("DELETE FROM memory_dates WHERE memory_id = ?", (memory_id,))
            add_event_dates(conn, memory_id, dates)


def _m25_stays_next_year_and_days_soon_read_again(conn) -> None:
    """"Porto for 18-22 May next year" tells of that May (it had been this year's, and the whole of next year
    beside it), a stay's days take their tense ("booked for 14 to 21 June"), and "I got an interview on 12
    August", said on 4 August, tells of the coming 12 August, not the one nearly a year gone."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m26_dates_in_figures_read(conn) -> None:
    """Dates written in figures ("moved to 21/10/2026 at 11:00", "MOT on 08/07") tell of their day, and a
    stay's days said with their weekdays ("Sat 24 to Sat 31 Oct") of the whole stay."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)


def _m27_last_of_a_run_read_again(conn) -> None:
    """"Book the Three Chimneys for the last night", "our last weekend in Leeds", "the last week of term":
    the last of a run, no longer the night (weekend, week) before the message was sent."""
    from second_me.storage.messages import read_event_dates_again

    read_event_dates_again(conn)
