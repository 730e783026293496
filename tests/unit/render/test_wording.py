"""The words the generator adds: lists joined the way people write them."""

from generator.render.wording import listing


def test_a_list_is_joined_with_commas_and_a_final_and():
    assert listing([]) == ""
    assert listing(["pelvis"]) == "pelvis"
    assert listing(["upper back", "low back"]) == "upper back and low back"
    assert listing(("neck", "upper back", "low back")) == "neck, upper back and low back"
