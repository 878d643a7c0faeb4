"""The publication date and title a draft reads from a text's own words: '1/10/2017' is read in
the order the text shows (a part over 12, a US origin) and flagged when nothing settles it; a
'Release Date:' field wins and a range's dates never count; a live page's entry stamps give an
exact day; a record's fields are never the title; an office before a name is no part of it."""

from __future__ import annotations

import pytest
import test_new_kinds

from build_dossier.draft.dates import find_dates, find_published, published_caveat, slash_order
from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft
from build_dossier.draft.speakers import proper_name
from build_dossier.draft.titles import guess_title
from build_dossier.model import FuzzyDate

people = test_new_kinds.people
"""The corpus's people registry, loaded as `new` loads it."""

BODY = "\n\nThe council met on the harbour plan and agreed to a second reading in spring.\n"


@pytest.mark.parametrize(("text", "day"), [
    # A city and its state's abbreviation, or a White House letterhead: month first.
    ("Remarks by the Governor in Austin, TX, 3/4/2019" + BODY, "2019-03-04"),
    ("The White House\nOffice of the Press Secretary\n\nStatement on the harbour\n\n"
     "5/6/2016" + BODY, "2016-05-06"),
    # Another date of the text with a part over 12 settles the order either way.
    ("Harbour board\n3/4/2019\n\nIt follows the meeting of 3/25/2019." + BODY, "2019-03-04"),
    ("Harbour board\n3/4/2019\n\nIt follows the meeting of 25/3/2019." + BODY, "2019-04-03"),
    # Nothing says: day first, as most of the world writes it.
    ("Harbour board\n3/4/2019" + BODY, "2019-04-03"),
])
def test_a_slashed_date_is_read_in_the_order_the_text_shows(text, day):
    found = find_published(text)
    assert found is not None
    assert found[0] == FuzzyDate.parse(day)


def test_a_slashed_date_nothing_settles_is_flagged_with_both_readings():
    text = "Harbour board\n3/4/2019" + BODY
    caveat = published_caveat(text, "3/4/2019")
    assert caveat is not None
    assert "3 April" in caveat and "4 March" in caveat
    assert not slash_order(text).settled
    for settled in ("Harbour board, Austin, TX\n3/4/2019" + BODY,
                    "Harbour board\n3/4/2019\n\nAs of 3/25/2019." + BODY):
        assert published_caveat(settled, "3/4/2019") is None
    assert published_caveat(text, "13/4/2019") is None  # a part over 12: no doubt
    assert published_caveat(text, "4 March 2019") is None
    # Words of any English text after a comma are no state: 'Right, OK, we met on 3/4/2019'.
    assert not slash_order("Right, OK, we met on 3/4/2019" + BODY).settled


def test_dates_in_a_text_are_read_in_its_own_order_and_dots_stay_day_first():
    us = "Chicago, IL — the board met 2/3/2020 and again on 04.05.2020."
    found = [m.date.isoformat() for m in find_dates(us, None)]
    assert found == ["2020-02-03", "2020-05-04"]
    assert [m.date.isoformat() for m in find_dates("met 2/3/2020", None, True)] \
        == ["2020-02-03"]


def test_a_release_date_field_beats_a_range_above_it():
    text = ("Smith, Jane\n\nTerm of Office: 02/05/1997 - 27/06/2007\nRelease Date:\n14/09/2003\n"
            "Release Type:\nSpeech\n\nADDRESS TO THE HARBOUR BOARD, HOBART\n" + BODY)
    found = find_published(text)
    assert found == (FuzzyDate(2003, 9, 14), "14/09/2003")


@pytest.mark.parametrize("above", [
    "Season: 3 May 2015 – 9 June 2015", "Season 12/01/2015 to 30/06/2015",
    "Season: from 3 May to 9 June 2015", "Hafenfest, 3. bis 5. Mai 2015", "Season 12 - 15 May 2015",
])
def test_a_date_in_a_range_is_never_the_publication_date(above):
    text = f"Harbour festival\n{above}\nPosted 2 January 2015" + BODY
    found = find_published(text)
    assert found == (FuzzyDate(2015, 1, 2), "2 January 2015")


def test_a_date_after_a_time_or_an_issue_number_is_no_range():
    assert find_published("Harbour board\n25/08/2014 - 22:42" + BODY) \
        == (FuzzyDate(2014, 8, 25), "25/08/2014")
    assert find_published("Hafenblatt Nr. 12 - 15. Mai 2019" + BODY) \
        == (FuzzyDate(2019, 5, 15), "15. Mai 2019")


def test_a_live_pages_entry_stamps_give_an_exact_day():
    summary = "".join(f"• Point {n} of the night's count in the harbour towns\n\n"
                      for n in range(9))
    text = ("Summary\n\n" + summary +
            "Mayor keeps her seatpublished at 04:10 Greenwich Mean Time 7 May 2021\n\n"
            "The mayor thanks the volunteers who counted through the night.\n\n"
            "Turnout is uppublished at 02:55 Greenwich Mean Time 7 May 2021\n\n"
            "Turnout rose in every ward.\n")
    found = find_published(text)
    assert found == (FuzzyDate(2021, 5, 7), "7 May 2021")
    assert not found[0].approximate


def test_a_live_entry_stamp_without_its_year_takes_the_one_year_the_text_settles():
    text = ("Count night in the harbour towns\n\n"
            "Turnout is uppublished at 02:55 Greenwich Mean Time 7 May\n\n"
            "Turnout rose in every ward after the vote of 6 May 2021.\n")
    assert find_published(text) == (FuzzyDate(2021, 5, 7), "7 May")
    # Two years named in full: the stamp's year is not settled, and no year is guessed.
    unsettled = text.replace("rose in every ward", "rose above the count of 4 May 2016, in "
                             "every ward,")
    found = find_published(unsettled)
    assert found is not None and found[1] != "7 May"


def test_a_records_fields_are_never_the_title():
    text = ("Smith, Jane\n\nTerm of Office: 02/05/1997 - 27/06/2007\nRelease Date:\n14/09/2003\n"
            "Release Type:\nSpeech\nRecord ID:\n88120\nReleased by:\n• Smith, Jane Ann\n"
            "ADDRESS TO THE HARBOUR BOARD, HOBART\n" + BODY)
    assert guess_title(text)[0] == "ADDRESS TO THE HARBOUR BOARD, HOBART"
    # A headline with a label of its own is still a headline.
    assert guess_title("Harbour: council backs the second reading\n" + BODY)[0] \
        == "Harbour: council backs the second reading"


@pytest.mark.parametrize(("phrase", "name"), [
    ("Auch Landrat Weber", "Weber"), ("Dann Bürgermeisterin Kessler", "Kessler"),
    ("Ensuite Préfet Morel", "Morel"), ("Also Ministerpräsident Haller", "Haller"),
])
def test_an_office_before_a_name_is_no_part_of_the_name(phrase, name):
    found = proper_name(phrase)
    assert found is not None and found[0] == name


def test_a_landrat_named_in_full_once_is_proposed_by_his_full_name(people):
    text = ("Hochwasser im Kreis\n\n"
            "Vor Ort war auch der Landrat des Kreises Jörg Weidemann (SPD), der mit Helfern "
            "sprach.\n\n"
            "Auch Landrat Weidemann betonte am Sonntag, wie groß die Hilfe sei. \"Wir haben "
            "gestern bis spät in die Nacht Sandsäcke gefüllt\", sagte er.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2021, 7, 18))
    # The quotation and the reported speech before it, both his.
    assert {speaker_id(q) for q in drafted.quotes} == {"jorg-weidemann"}
    assert len(drafted.quotes) == 2


def test_a_rubric_or_a_barred_dateline_over_the_headline_is_not_the_title():
    interview = ("Interview\n\nBürgermeisterin Kessler zum Hafenplan: \"Wir bauen zuerst\"\n\n"
                 "Jana Roth\nDi, 4. Mai 2021\n" + BODY)
    assert guess_title(interview) == ("Bürgermeisterin Kessler zum Hafenplan: \"Wir bauen "
                                      "zuerst\"", True)
    barred = ("04.05.2021 | Jana Roth | Ole Berg | Перевод: Анна Орлова\n\n"
              "«Порт откроется весной»\n" + BODY)
    assert guess_title(barred) == ("«Порт откроется весной»", True)


def test_a_label_the_heading_opens_with_is_kept_as_the_page_titles_itself():
    for heading in ("Transcript: Harbour board briefing with Mayor Kessler",
                    "DIRECT. Tempête sur le port : suivez la soirée"):
        assert guess_title(heading + "\n" + BODY)[0] == heading
    # A label on a line of its own is still passed over.
    assert guess_title("Transcript\n\nHarbour board briefing with Mayor Kessler\n" + BODY) \
        == ("Harbour board briefing with Mayor Kessler", True)


def test_the_draft_asks_the_editor_to_check_a_slashed_date_nothing_settles(people):
    drafted = draft("Harbour board\n3/4/2019" + BODY, people, {})
    assert drafted.published == FuzzyDate(2019, 4, 3)
    doubt = [note for note in drafted.notes if "read day first" in note]
    assert doubt and "4 March" in doubt[0]
    settled = draft("Harbour board, Austin, TX\n3/4/2019" + BODY, people, {})
    assert settled.published == FuzzyDate(2019, 3, 4)
    assert not any("read day first" in note for note in settled.notes)


def test_a_long_first_line_is_cut_at_its_first_sentence_never_at_an_abbreviation():
    heading = ("Transcript of a Press Conference on the 2008 U.S. Article IV Concluding Mission "
               "Statement, by the First Deputy Managing Director with the Director of the "
               "Western Hemisphere Department. Webcast of the press briefing in Washington, "
               "D.C., on the staff's findings")
    assert guess_title(heading + "\n" + BODY)[0] == heading[:heading.index(". Webcast") + 1]
