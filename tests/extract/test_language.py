from byline.extract.language import guess_language

EN = ("The council said on Tuesday that the budget would be cut, and officials who spoke to reporters said "
      "they were not sure the plan would pass when it is put to a vote in the spring.")
FR = ("Le conseil a annoncé mardi que le budget serait réduit, et les responsables qui se sont exprimés dans la "
      "presse ont dit qu'ils ne sont pas sûrs que le plan soit adopté pour le vote du printemps.")
DE = ("Der Rat hat am Dienstag mitgeteilt, dass das Budget gekürzt wird, und die Beamten sagten, dass sie nicht "
      "sicher sind, ob der Plan bei der Abstimmung im Frühjahr eine Mehrheit findet und auch umgesetzt wird.")


def test_languages():
    assert guess_language(EN) == "en"
    assert guess_language(FR) == "fr"
    assert guess_language(DE) == "de"


def test_too_short_or_unclear_is_none():
    assert guess_language("Short text.") is None
    assert guess_language(["1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22"]) is None
