import pytest

from second_me.text.voice import to_the_user


@pytest.mark.parametrize("written, said", [
    ("I play vice on my curling team [1].", "You play vice on your curling team [1]."),
    ("On Lake Banook, I launched the Linda B, which I named after my wife.",
     "On Lake Banook, you launched the Linda B, which you named after your wife."),
    ("There are 100 kids in my class now.", "There are 100 kids in your class now."),
    ("I'm 34 and I was born in Oslo.", "You're 34 and you were born in Oslo."),
    ("Ruth is my sister [2]. My brother is Tom.", "Ruth is your sister [2]. Your brother is Tom."),
    ("Imogen met me in Iceland.", "Imogen met you in Iceland."),
    ("Am I on call? I am, this week.", "Are you on call? You are, this week."),
    # A quotation's "I" is its speaker's.
    ("I wrote “my knee hurts” [1].", "You wrote “my knee hurts” [1]."),
    # After a verb reporting someone's words, "me" is theirs: left as written.
    ("Jo says if she builds one more thing she's leaving me [1].",
     "Jo says if she builds one more thing she's leaving me [1]."),
    # Told to the user, what follows is theirs too.
    ("ChatGPT told me to ice my knee [1].", "ChatGPT told you to ice your knee [1]."),
    ("In Alfama [1].", "In Alfama [1]."),
    ("Then I read about World War I [2].", "Then you read about World War I [2]."),
    ("Imogen and Mina went to Milan.", "Imogen and Mina went to Milan."),
])
def test_an_answer_in_the_users_voice_is_said_to_them(written, said):
    assert to_the_user(written) == said
