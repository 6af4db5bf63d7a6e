"""Small pieces of the glue that need no build."""

from datetime import datetime
from types import SimpleNamespace

from publications.glue import enabled, listing_year


def test_a_report_is_listed_under_the_year_it_reports_on():
    # The 2022 work report is read out (dated) in February 2023.
    assert listing_year(SimpleNamespace(metadata={"year": "2022"}, date=datetime(2023, 2, 14))) == 2022


def test_other_pages_are_listed_under_the_year_of_their_date():
    assert listing_year(SimpleNamespace(metadata={}, date=datetime(2023, 4, 18))) == 2023
    assert listing_year(SimpleNamespace(metadata={"year": "TODO"}, date=datetime(2023, 4, 18))) == 2023
    assert listing_year(SimpleNamespace(metadata={})) is None


def test_the_plugin_acts_only_for_a_pelican_that_lists_it():
    assert enabled({"PLUGINS": ["bilingual", "publications"]})
    assert enabled({"PLUGINS": ["plugins.publications"]})
    assert not enabled({"PLUGINS": ["bilingual"]})
    assert not enabled({})
