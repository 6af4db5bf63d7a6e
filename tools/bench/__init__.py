"""`make bench`: what a build and a page cost, on a large synthetic archive (issue 8).

synthetic.py writes the archive; child.py runs one build in its own process; measure.py times
builds and Pagefind and weighs pages; serve.py serves the output with gzip; browser.py times
the first search query in Chromium; report.py holds the targets and prints the table;
__main__.py runs it all and writes .bench/results.json.
"""
