"""Whom the user calls Mum or Dad, told by the user's own turns (`retrieval/kin.py`)."""

from second_me.retrieval.kin import called_so, calls_by, parent_asked, with_name_for
from second_me.storage.memories import person_match
from second_me.text.word_forms import PARENT_WORDS, synonyms


def test_a_parent_asked_of_is_the_users_own_written_as_a_name_or_after_my():
    assert parent_asked("When is Dad's hip operation?").group(0) == "Dad"
    assert parent_asked("Mum's birthday is when?").group(0) == "Mum"
    assert parent_asked("how is my mum doing").group(0) == "mum"
    assert parent_asked("What did Grandma say about the garden?").group(0) == "Grandma"
    for other in ("What did Bea's dad say?", "What did Bea's Mum say?", "How is her Dad?", "How is her mum?",
                  "Dad", "what did dad say?", "Mum, where is it?"):
        assert parent_asked(other) is None, other


def test_a_turn_calls_someone_by_a_word_closing_a_clause_not_telling_of_them():
    for calling in ("That's great news Pai! I'll drive you", "🥰 We love you Mãe", "Mum, can you call me?",
                    "Thanks Dad", "Night night mamma ❤️"):
        assert calls_by(calling, PARENT_WORDS), calling
    for telling in ("Pai is out of surgery, all went well", "Me, you and Pai", "I told Mum.", "with Dad!",
                    "Poor Bolacha 😢", "Dad's hip is better"):
        assert not calls_by(telling, PARENT_WORDS), telling


def test_whom_the_user_calls_so_is_who_spoke_before_most_often_and_clearly_so():
    turns = [("That's great news Pai!", "João"), ("Pai is out of surgery", "Tiago"), ("Obrigada Pai", "João"),
             ("We love you Mãe", "Rita")]
    assert called_so(turns, "Dad") == "João"
    assert called_so(turns, "mum") == "Rita"
    assert called_so(turns, "Grandma") is None
    assert called_so(turns + [("Thanks Dad!", "Tiago")], "Dad") == "João"  # two to one
    assert called_so(turns + [("Thanks Dad!", "Tiago"), ("ok Dad", "Tiago")], "Dad") is None  # two to two


def test_the_question_asked_again_by_the_name():
    question = "When is Dad's hip operation?"
    assert with_name_for(question, parent_asked(question), "João") == "When is João's hip operation?"
    question = "What did my mum say about the cake?"
    assert with_name_for(question, parent_asked(question), "Rita") == "What did Rita say about the cake?"


def test_a_parent_is_found_in_any_word_for_them():
    assert {"pai", "dad", "father", "papa"} <= set(synonyms("dad"))
    assert {"mae", "mum", "mother", "mamma"} <= set(synonyms("Mum".lower()))
    assert '"mae"' in person_match("Mum") and '"mum"' in person_match("Mum")
    assert person_match("Sam") == 'text : ("Sam")'
