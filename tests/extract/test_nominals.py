from patron.extract.mentions import Mention
from patron.extract.nominals import descriptive

SYRIA = "syria"


def _found(text: str, mentions: list[Mention] | None = None) -> list[str]:
    return [name for _, _, name, _ in descriptive(text, mentions or [])[1]]


def _demonym(text: str, word: str, actor: str = SYRIA) -> Mention:
    at = text.index(word)
    return Mention(at, at + len(word), actor, "state", "demonym")


def test_qualified_forces_are_a_description():
    assert _found("Government forces shelled the town.") == ["Government forces"]
    assert _found("Kurdish fighters and Shia militiamen held the ridge.") == [
        "Kurdish fighters", "Shia militiamen"]


def test_a_head_alone_needs_the_article():
    assert _found("The rebels were pushed back by the coalition.") == ["rebels", "coalition"]
    assert _found("Iran sent troops and fighters to the front.") == []


def test_demonym_before_state_forces_stays_the_state():
    text = "Syrian government forces retook the town."
    assert _found(text, [_demonym(text, "Syrian")]) == []


def test_demonym_before_rebels_is_replaced_by_the_description():
    text = "Turkey armed Syrian opposition forces."
    turkey = Mention(0, 6, "turkey", "state", "name")
    drop, found = descriptive(text, [turkey, _demonym(text, "Syrian")])
    assert drop == [1]
    assert [(name, kind) for _, _, name, kind in found] == [
        ("Syrian opposition forces", "armed_group")]


def test_a_named_actors_own_forces_are_no_new_actor():
    text = "Ukraine's armed forces and its allies met the government of Iraq."
    mentions = [Mention(0, 7, "ukraine", "state", "name"),
                Mention(text.index("Iraq"), len(text) - 1, "iraq", "state", "name")]
    assert _found(text, mentions) == []


def test_a_name_the_text_holds_is_not_described_again():
    text = "Hezbollah fighters joined the Syrian Democratic Forces."
    mentions = [Mention(0, 9, "hezbollah", "armed_group", "name"),
                Mention(text.index("Syrian"), len(text) - 1, "sdf", "armed_group", "name")]
    assert _found(text, mentions) == []


def test_the_client_of_a_compound_is_described():
    text = "Iran-backed militias fired rockets."
    assert _found(text, [Mention(0, 4, "iran", "state", "name")]) == ["militias"]


def test_two_heads_in_a_row_make_one_description():
    assert _found("Rebel militia fighters crossed the river.") == ["Rebel militia fighters"]


def test_a_described_client_is_a_candidate_actor_of_its_document() -> None:
    from patron import settings
    from patron.actors.gazetteer import load_dir
    from patron.extract.pipeline import Extractor
    from patron.model import Document

    ex = Extractor(load_dir(settings.get().data_dir / "actors"), model=None)
    first = ex.extract(Document(id="d1", text="Turkey armed Syrian rebels in 2013."))
    assert [(c.subject, c.type) for c in first.claims] == [("turkey", "arms")]
    rebels = first.claims[0].object
    assert rebels.startswith("new-syrian-rebels-") and rebels != "syria"
    assert [(a.id, a.name, a.kind) for a in first.actors] == [
        (rebels, "Syrian rebels", "armed_group")]
    other = ex.extract(Document(id="d2", text="Turkey armed Syrian rebels in 2013."))
    assert other.claims[0].object != rebels  # a description names no one across documents
