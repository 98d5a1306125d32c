from byline.extract.wordcount import count_words


def test_spaced_dashes_and_bullets_are_not_words():
    assert count_words("snatch him — at this point") == 5
    assert count_words("• one • two") == 2


def test_hyphens_abbreviations_and_numbers_are_one_word_each():
    assert count_words("Sen. Rand Paul, R-Ky., on Sunday in 2025") == 8
    assert count_words(["a b", "c"]) == 3
    assert count_words([]) == 0
