// Site search, as an enhancement. Without this file the search box still sends q to
// the language's search page, which says that search needs JavaScript.
//
// On the search page: loads the page language's Pagefind bundle
// (<site>/pagefind/<language>/pagefind.js) when a search box gets focus or the page
// opens with ?q=, and lists the publications that match, each with its best-matching
// sections as links. On a page opened from a result (?highlight=…), marks the query in
// the text.
//
// How a query matches. Chinese pages are indexed a character pair per position (see
// plugins/search/han_keys.py). A query is cut at spaces and punctuation into terms,
// and a term into units, its positions: each Chinese character, each run of other
// letters or digits. Pagefind gives the positions of the term's keys (its Chinese by
// pairs, the other runs as they are); a page matches a term where each key stands at
// its offset, and matches the query when it matches every term. So 协商驿站 finds the
// pages where that string is written, 富 also finds 丰富, and 数字火星 finds nothing
// when no page says 数字火星.
//
// Safety: every string from the index is put into the page as text (textContent);
// no HTML from the index is ever parsed.
(function () {
  "use strict";

  var ZWSP = "\u200b";
  var HAN = /\p{Script=Han}/u;
  // Results per batch; each costs its fragment (2–10 kB) to show. The first batch
  // fills about a screen; the next comes when the reader scrolls to its end or asks.
  var FIRST_BATCH = 3;
  var BATCH = 5;
  var SECTIONS_SHOWN = 3;
  // The pause after the last keystroke before searching. Short, because the words are
  // looked up while the reader types (prefetch); an input method's word
  // (compositionend) is searched at once.
  var PAUSE_MS = 120;

  // Query ------------------------------------------------------------------

  // The index's word for one or two Chinese characters (plugins/search/han_keys.py):
  // "zz" and four base-26 letters a character.
  function hanKey(characters) {
    var key = "zz";
    Array.from(characters).forEach(function (character) {
      var point = character.codePointAt(0);
      var letters = "";
      for (var i = 0; i < 4; i++) { letters = String.fromCharCode(97 + point % 26) + letters; point = Math.floor(point / 26); }
      key += letters;
    });
    return key;
  }

  // A term's units are its positions on the page (a Chinese character, or a run of
  // other letters); its keys are what is looked up, at their offset from the start:
  // Chinese by pairs (协商驿站: 协商 at 0, 驿站 at 2), an odd last character as the
  // start of the pairs it begins.
  function keysOf(units) {
    var keys = [];
    for (var i = 0; i < units.length; i++) {
      var pair = HAN.test(units[i]) && i + 1 < units.length && HAN.test(units[i + 1]);
      if (!HAN.test(units[i])) keys.push({ word: units[i], offset: i, han: false, prefix: false });
      else keys.push({ word: hanKey(pair ? units[i] + units[i + 1] : units[i]), offset: i, han: true, prefix: !pair });
      if (pair) i++;
    }
    return keys;
  }

  function parseQuery(text) {
    var terms = [];
    var seen = new Set();
    text.toLowerCase().split(/[\s\p{P}\p{S}]+/u).forEach(function (piece) {
      if (!piece || seen.has(piece)) return;
      seen.add(piece);
      var units = piece.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu);
      terms.push({ text: piece, units: units, keys: keysOf(units) });
    });
    return terms;
  }

  function allKeys(terms) {
    var byWord = new Map();
    terms.forEach(function (term) { term.keys.forEach(function (key) { byWord.set(key.word, key); }); });
    return Array.from(byWord.values());
  }

  // The keys of `text` that are already whole words while the reader is still typing:
  // all but a last one that may still grow (consul may become consultation, and a last
  // single Chinese character a pair, each another index chunk); a pair stays a pair.
  function completeKeys(text) {
    var terms = parseQuery(text);
    var last = /[^\s\p{P}\p{S}]$/u.test(text) && terms.length ? terms[terms.length - 1].keys.slice(-1)[0] : null;
    var growing = last && (!last.han || last.prefix) ? last : null;
    return allKeys(terms).filter(function (key) { return !growing || key.word !== growing.word; });
  }

  // Start positions where each key stands at its offset from p, per page id.
  function termMatches(keys, keyHits) {
    var found = new Map();
    var first = keyHits[0];
    var rest = keyHits.slice(1);
    first.forEach(function (hit, id) {
      if (!rest.every(function (hits) { return hits.has(id); })) return;
      var later = rest.map(function (hits) { return new Set(hits.get(id).words); });
      var starts = hit.words.filter(function (position) {
        return later.every(function (positions, k) { return positions.has(position + keys[k + 1].offset); });
      });
      if (starts.length) found.set(id, starts);
    });
    return found;
  }

  function compare(a, b) {
    return a === b ? 0 : a < b ? -1 : 1; // also for Infinity, where a - b is NaN
  }

  function idf(pages, containing) {
    return Math.log(1 + (pages - containing + 0.5) / (containing + 0.5));
  }

  // Engine: Pagefind, one bundle per language -------------------------------------
  //
  // Pagefind searches every index its script has loaded with one language module, the
  // page's: the Chinese page's does no stemming, so it would not find consultation in
  // the English index, which holds consult. Each language is therefore a bundle of its
  // own (plugins/search/indexer.py), whose script is a module of its own, with its own
  // language's module; another language's is loaded when it is first searched.

  function Engine(config) {
    this.config = config;
    this.loading = new Map();
    this.hitCache = new Map();
    this.fragments = new Map();
  }

  Engine.prototype.load = function (code) {
    var loading = this.loading;
    if (!loading.has(code)) {
      var bundle = this.config.languages[code].bundle;
      // The main thread is enough for a site this size, and spares the worker's script.
      var loaded = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ basePath: bundle, noWorker: true }).then(function () { pagefind.init(); return pagefind; });
      });
      loaded.catch(function () { loading.delete(code); });
      loading.set(code, loaded);
    }
    return loading.get(code);
  };

  Engine.prototype.options = function (code, choices) {
    var filters = {};
    if (choices.kind && this.config.kinds[choices.kind]) filters.kind = this.config.kinds[choices.kind][code];
    if (choices.year) filters.year = choices.year;
    return { filters: filters, sort: {} };
  };

  // Look up the words typed so far during the pause before the search, which then
  // finds their places in the cache (hits) and has only their order left to check.
  Engine.prototype.prefetch = function (text, choices) {
    var keys = completeKeys(text);
    if (!keys.length) return;
    var engine = this;
    var code = this.config.language;
    var options = this.options(code, choices);
    this.load(code).then(function (pagefind) {
      return Promise.all(keys.map(function (key) { return engine.hits(code, pagefind, key, options); }));
    }).catch(function () { /* reported when searching */ });
  };

  // The pages of a language's index, for a term's rarity (idf): its publications, which
  // the search page counts, are all of them but a page or two such as About. Asking
  // Pagefind's entry file instead would cost a request of the first query.
  Engine.prototype.pageCount = function (code) {
    return Math.max(1, this.config.languages[code].publications || 0);
  };

  function byId(response) {
    var hits = new Map();
    (response ? response.results : []).forEach(function (result, rank) {
      hits.set(result.id, { result: result, rank: rank, words: result.words });
    });
    return hits;
  }

  // Where one key stands, per page. Pagefind also counts the words a key begins
  // (mars → market), and a word it lacks finds its longest prefix that is a word
  // (火星 → 火, at the end of a run); a quoted search knows only whole words (after
  // stemming), but gives one position per page, so it picks the pages and the plain
  // one the places. A single Chinese character is meant to find the pairs it begins,
  // and no shorter key is a word.
  Engine.prototype.hits = function (code, pagefind, key, options) {
    var cacheKey = JSON.stringify([code, key.word, options]);
    if (!this.hitCache.has(cacheKey)) {
      var plain = pagefind.search(key.word, options).then(byId);
      var whole = key.prefix ? null : pagefind.search('"' + key.word + '"', options).then(byId);
      this.hitCache.set(cacheKey, Promise.all([plain, whole]).then(function (found) {
        if (found[1]) found[0].forEach(function (hit, id) { if (!found[1].has(id)) found[0].delete(id); });
        return found[0];
      }));
    }
    return this.hitCache.get(cacheKey);
  };

  Engine.prototype.searchLanguage = async function (code, terms, choices) {
    var pagefind = await this.load(code);
    var options = this.options(code, choices);
    var filters = options.filters;
    var keys = allKeys(terms);
    // Fetch every key's index chunk at once, then search one key at a time.
    await Promise.all(keys.map(function (key) { return pagefind.preload(key.word, options); }));
    var hitsOf = new Map();
    for (var i = 0; i < keys.length; i++) hitsOf.set(keys[i].word, await this.hits(code, pagefind, keys[i], options));
    // Newest first: Pagefind's order by the date sort key. Pages without a date
    // (such as About) are not in that order; they come last.
    var dateRank = null;
    if (choices.sort === "date") {
      dateRank = await this.hits(code, pagefind, terms[0].keys[0], { filters: filters, sort: { date: "desc" } });
    }

    var pages = null;
    var perTerm = terms.map(function (term) {
      return termMatches(term.keys, term.keys.map(function (key) { return hitsOf.get(key.word); }));
    });
    perTerm.forEach(function (found) {
      pages = pages === null ? new Set(found.keys()) : new Set(Array.from(pages).filter(function (id) { return found.has(id); }));
    });
    var total = this.pageCount(code);
    var firstKey = hitsOf.get(terms[0].keys[0].word);
    return Array.from(pages || []).map(function (id) {
      var matches = [];
      var score = 0;
      perTerm.forEach(function (found, t) {
        var starts = found.get(id);
        var tf = starts.length;
        score += idf(total, found.size) * (tf * 2.2) / (tf + 1.2);
        starts.forEach(function (start) { matches.push({ term: t, start: start, units: terms[t].units }); });
      });
      var hit = firstKey.get(id);
      var rank = dateRank ? (dateRank.has(id) ? dateRank.get(id).rank : Infinity) : hit.rank;
      return { id: id, lang: code, result: hit.result, rank: rank, score: score, matches: matches };
    });
  };

  Engine.prototype.fragment = function (page) {
    var key = page.lang + " " + page.id; // each bundle names its own pages
    if (!this.fragments.has(key)) this.fragments.set(key, page.result.data());
    return this.fragments.get(key);
  };

  // The pages matching `query`, with `next(n)` handing them out in order.
  Engine.prototype.run = async function (query, choices) {
    var terms = parseQuery(query);
    var codes = [this.config.language].concat(choices.all ? this.config.others : []);
    var engine = this;
    var lists = await Promise.all(codes.map(function (code) { return engine.searchLanguage(code, terms, choices); }));
    var total = lists.reduce(function (sum, list) { return sum + list.length; }, 0);
    if (choices.sort === "date") {
      lists.forEach(function (list) { list.sort(function (a, b) { return compare(a.rank, b.rank) || b.score - a.score; }); });
    } else {
      lists = [[].concat.apply([], lists).sort(function (a, b) { return b.score - a.score || a.rank - b.rank; })];
    }
    return {
      terms: terms,
      total: total,
      languages: codes,
      // Newest first across languages: each list is in date order; take the newer head.
      next: async function (count) {
        var taken = [];
        while (taken.length < count) {
          var heads = lists.filter(function (list) { return list.length; });
          if (!heads.length) break;
          var best = heads[0];
          if (heads.length > 1) {
            var dates = await Promise.all(heads.map(function (list) {
              return engine.fragment(list[0]).then(function (fragment) { return fragment.meta.date || ""; });
            }));
            best = heads[dates.indexOf(dates.slice().sort().pop())];
          }
          taken.push(best.shift());
        }
        return taken;
      },
    };
  };

  // A result's sections and excerpts ------------------------------------------

  function clean(text) {
    return String(text || "").split(ZWSP).join("").replace(/\s+/g, " ").trim();
  }

  var tokenCache = new WeakMap();

  // The page's text as Pagefind counts it: position n is tokens[n]. A Chinese page's
  // words are joined by zero-width spaces, but for two Chinese characters side by side
  // (plugins/search/bundle.py leaves it out), so a run of them is one word a character.
  function tokensOf(fragment) {
    if (!tokenCache.has(fragment)) {
      var raw = (fragment.raw_content || "").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      tokenCache.set(fragment, raw.indexOf(ZWSP) >= 0
        ? { tokens: [].concat.apply([], raw.split(ZWSP).map(function (word) {
            return /^\p{Script=Han}+$/u.test(word) ? Array.from(word) : [word];
          })), joiner: "" }
        : { tokens: raw.split(/[\r\n\s]+/g), joiner: " " });
    }
    return tokenCache.get(fragment);
  }

  // Sections from the page's anchors, titled from its `sections` meta (search_meta.html).
  function sectionsOf(fragment) {
    var titles = new Map();
    try { titles = new Map(JSON.parse(fragment.meta.sections || "[]")); } catch (error) { /* untitled */ }
    return (fragment.anchors || [])
      .filter(function (anchor) { return titles.has(anchor.id) || /^h[1-6]$/i.test(anchor.element); })
      .sort(function (a, b) { return a.location - b.location; })
      .map(function (anchor) { return { id: anchor.id, start: anchor.location, title: titles.get(anchor.id) || clean(anchor.text) }; });
  }

  // A word as written (Proposals,) against a query unit (proposals): the same word, or
  // the same after an English ending. Pagefind also counts longer words a unit begins.
  function wordRoot(word) {
    return word.length > 4 ? word.replace(/(?:'s|ing|ed|es|s)$/, "") : word;
  }

  function sameWord(token, unit) {
    if (HAN.test(unit)) return true;
    var word = (token || "").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    return word === unit || wordRoot(word) === wordRoot(unit);
  }

  // The page's matching parts, best first: most query terms, then most matches.
  function rankedRegions(fragment, page) {
    var sections = sectionsOf(fragment);
    var tokens = tokensOf(fragment).tokens;
    var length = tokens.length;
    var regions = [{ id: null, start: 0, title: null }].concat(sections).map(function (region, i, all) {
      return { id: region.id, title: region.title, start: region.start, end: i + 1 < all.length ? all[i + 1].start : length, matches: [], terms: new Set(), order: i };
    });
    page.matches.forEach(function (match) {
      if (!match.units.every(function (unit, k) { return sameWord(tokens[match.start + k], unit); })) return;
      var index = 0;
      for (var i = 1; i < regions.length; i++) if (regions[i].start <= match.start) index = i;
      regions[index].matches.push(match);
      regions[index].terms.add(match.term);
    });
    return regions
      .filter(function (region) { return region.matches.length; })
      .sort(function (a, b) { return b.terms.size - a.terms.size || b.matches.length - a.matches.length || a.order - b.order; });
  }

  function excerpt(fragment, region) {
    var split = tokensOf(fragment);
    var width = split.joiner ? 26 : 48;
    // Centre on the match with the most other matches close after it.
    var best = region.matches[0].start;
    var bestCount = 0;
    region.matches.forEach(function (match) {
      var count = region.matches.filter(function (other) {
        return other.start >= match.start && other.start < match.start + width / 2;
      }).length;
      if (count > bestCount) { best = match.start; bestCount = count; }
    });
    var start = Math.max(region.start, Math.min(best - Math.floor(width / 4), region.end - width));
    var end = Math.min(region.end, start + width);
    var marked = new Set();
    region.matches.forEach(function (match) { for (var i = 0; i < match.units.length; i++) marked.add(match.start + i); });

    // Runs of [marked, text], then one text node or <mark> per run.
    var runs = [[false, start > region.start ? "…" : ""]];
    function add(isMarked, text) {
      var last = runs[runs.length - 1];
      if (last[0] === isMarked) last[1] += text;
      else runs.push([isMarked, text]);
    }
    for (var i = start; i < end; i++) {
      var token = split.tokens[i] || "";
      if (!split.joiner && token === ". ") token = " "; // Pagefind's stop between blocks
      if (i > start && split.joiner) add(false, split.joiner);
      add(marked.has(i), token);
    }
    if (end < region.end) add(false, "…");
    var paragraph = element("p", "search-result__excerpt");
    runs.forEach(function (run) {
      if (!run[1]) return;
      paragraph.appendChild(run[0] ? element("mark", null, run[1]) : document.createTextNode(run[1]));
    });
    return paragraph;
  }

  // Rendering ---------------------------------------------------------------------

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function target(url, query, id) {
    var address = new URL(url, location.href);
    address.searchParams.set("highlight", query);
    address.hash = id ? "#" + id : "";
    return address.origin === location.origin ? address.pathname + address.search + address.hash : address.href;
  }

  function formatDate(iso, htmlLang) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || "")) return "";
    try {
      return new Intl.DateTimeFormat(htmlLang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
        .format(new Date(iso + "T00:00:00Z"));
    } catch (error) {
      return iso;
    }
  }

  function renderResult(config, page, fragment, query, markLanguage) {
    var language = config.languages[page.lang];
    var item = element("li", "search-result");
    item.lang = language.htmlLang;
    var heading = element("h2", "search-result__title");
    var link = element("a", null, clean(fragment.meta.title) || fragment.url);
    link.href = target(fragment.url, query, null);
    heading.appendChild(link);
    item.appendChild(heading);

    var meta = element("p", "search-result__meta");
    var parts = [];
    if (fragment.meta.kind) parts.push(element("span", "search-result__kind", clean(fragment.meta.kind)));
    var date = formatDate(fragment.meta.date, language.dateLocale);
    if (date) { var time = element("time", null, date); time.dateTime = fragment.meta.date; parts.push(time); }
    if (markLanguage) parts.push(element("span", "search-result__language", language.name));
    parts.forEach(function (part, i) {
      if (i) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(part);
    });
    if (parts.length) item.appendChild(meta);

    var regions = rankedRegions(fragment, page);
    var sectioned = regions.some(function (region) { return region.id; });
    if (!sectioned) {
      if (regions.length) item.appendChild(excerpt(fragment, regions[0]));
      return item;
    }
    var list = element("ul", "search-result__sections");
    list.setAttribute("aria-label", config.text.sections);
    regions.slice(0, SECTIONS_SHOWN).forEach(function (region) {
      var entry = element("li", "search-result__section");
      var sectionLink = element("a", null, region.title || config.text.beginning);
      sectionLink.href = target(fragment.url, query, region.id);
      entry.appendChild(sectionLink);
      entry.appendChild(excerpt(fragment, region));
      list.appendChild(entry);
    });
    item.appendChild(list);
    return item;
  }

  // A query written in a script another language uses, and this one does not, is
  // probably meant for that language's publications (协商 on the English page).
  function scriptTests(config) {
    var own = config.languages[config.language].script;
    return config.others.map(function (code) { return config.languages[code].script; })
      .filter(function (script) { return script && script !== own; })
      .map(function (script) {
        try { return new RegExp("\\p{Script=" + script + "}", "u"); } catch (error) { return null; } // not a Unicode script
      })
      .filter(Boolean);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  function countText(config, count, query) {
    if (!count) return fill(config.text.none, { query: query });
    var htmlLang = config.languages[config.language].htmlLang;
    var form = new Intl.PluralRules(htmlLang).select(count) === "one" ? "resultsOne" : "resultsOther";
    return fill(config.text[form], { count: count.toLocaleString(htmlLang), query: query });
  }

  // The search page ---------------------------------------------------------------

  function searchPage(root, config) {
    var form = root.querySelector("form");
    var input = form.elements.q;
    var status = root.querySelector("#search-status");
    var list = root.querySelector("#search-results");
    var more = root.querySelector("#search-more");
    var options = form.querySelector("[data-search-options]");
    var hint = root.querySelector("#search-hint");
    var otherScripts = scriptTests(config);
    var engine = new Engine(config);
    var generation = 0;
    var current = null;
    var timer = null;

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    ["kind", "year", "sort"].forEach(function (name) {
      var select = form.elements[name];
      if (select && params.get(name)) select.value = params.get(name);
    });
    if (form.elements.all) form.elements.all.checked = params.get("all") === "1";
    if (options) options.hidden = false;

    function choices() {
      return {
        kind: form.elements.kind ? form.elements.kind.value : "",
        year: form.elements.year ? form.elements.year.value : "",
        sort: form.elements.sort ? form.elements.sort.value : "",
        all: form.elements.all ? form.elements.all.checked : false,
      };
    }

    function remember(query, chosen) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      if (chosen.kind) next.set("kind", chosen.kind);
      if (chosen.year) next.set("year", chosen.year);
      if (chosen.sort) next.set("sort", chosen.sort);
      if (chosen.all) next.set("all", "1");
      var search = next.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }

    async function showMore(focusFirst) {
      var mine = generation;
      var results = current;
      if (results.loading) return results.loading;
      list.setAttribute("aria-busy", "true");
      results.loading = showBatch(results, results.shown ? BATCH : FIRST_BATCH, focusFirst);
      try { await results.loading; } finally {
        results.loading = null;
        if (mine === generation) list.removeAttribute("aria-busy");
      }
      if (mine === generation && !more.hidden && inView(more)) showMore(false);
    }

    function inView(node) {
      var box = node.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    }

    async function showBatch(results, size, focusFirst) {
      var mine = generation;
      var pages = await results.next(size);
      // Fetched together; each result is shown as soon as it and those above it are here.
      var fragments = pages.map(function (page) { return engine.fragment(page); });
      var first = null;
      for (var i = 0; i < pages.length; i++) {
        var fragment = await fragments[i];
        if (mine !== generation) return;
        var item = renderResult(config, pages[i], fragment, results.query, results.languages.length > 1);
        first = first || item;
        list.appendChild(item);
      }
      results.shown += pages.length;
      // A reader on the button goes on to what it brought, even when scrolling to the button
      // (as moving the focus there does) loaded it first; hiding the button would lose the focus.
      var follow = focusFirst || document.activeElement === more;
      more.hidden = results.shown >= results.total;
      if (follow && first) first.querySelector("a").focus();
    }

    function suggestOthers(query, chosen) {
      if (hint) hint.hidden = chosen.all || !otherScripts.some(function (script) { return script.test(query); });
    }

    async function update() {
      var query = input.value.trim();
      var chosen = choices();
      remember(query, chosen);
      var mine = ++generation;
      if (!parseQuery(query).length) {
        current = null;
        list.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        suggestOthers("", chosen);
        return;
      }
      list.setAttribute("aria-busy", "true");
      try {
        var results = await engine.run(query, chosen);
        if (mine !== generation) return;
        results.query = query;
        results.shown = 0;
        current = results;
        list.replaceChildren();
        await showMore(false);
        if (mine !== generation) return;
        status.textContent = countText(config, results.total, query);
        suggestOthers(query, chosen);
      } catch (error) {
        if (mine !== generation) return;
        console.error("search:", error);
        list.replaceChildren();
        more.hidden = true;
        status.textContent = config.text.unavailable;
        suggestOthers("", chosen);
      } finally {
        if (mine === generation) list.removeAttribute("aria-busy");
      }
    }

    function warm() { engine.load(config.language).catch(function () { /* reported when searching */ }); }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      update();
    });
    input.addEventListener("input", function (event) {
      if (event.isComposing) return; // wait for the input method to finish the word
      clearTimeout(timer);
      engine.prefetch(input.value, choices());
      timer = setTimeout(update, PAUSE_MS);
    });
    input.addEventListener("compositionend", function () {
      clearTimeout(timer);
      engine.prefetch(input.value, choices());
      timer = setTimeout(update, 0);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== input) update();
    });
    more.addEventListener("click", function () { if (current) showMore(true); });
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[entries.length - 1].isIntersecting && current && !more.hidden) showMore(false);
      }).observe(more);
    }
    if (hint && form.elements.all) {
      hint.querySelector("button").addEventListener("click", function () {
        form.elements.all.checked = true;
        hint.hidden = true;
        form.elements.all.focus(); // the control it stood for, which now says what was done
        update();
      });
    }

    // The header's box, on this page, searches here instead of reloading the page.
    var header = document.querySelector(".search-box");
    if (header && header !== form && header.elements.q) {
      header.elements.q.addEventListener("focus", warm);
      header.addEventListener("submit", function (event) {
        event.preventDefault();
        input.value = header.elements.q.value;
        update();
        input.focus();
      });
    }
    input.addEventListener("focus", warm);
    if (input.value) update();
  }

  // Highlighting on the page a result opened -------------------------------------

  function highlightPattern(terms) {
    var sources = terms.map(function (term) {
      var text = term.text;
      var escaped = function (value) { return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
      if (HAN.test(text) || !/^[\p{L}\p{N}]+$/u.test(text)) return escaped(text);
      // Pagefind matches English by stem: proposals also finds proposal, proposed.
      var stem = text.length > 4 ? text.replace(/(?:ing|ed|es|s)$/, "") : text;
      return "(?<![\\p{L}\\p{N}])" + escaped(stem) + "[\\p{L}\\p{N}]*";
    }).sort(function (a, b) { return b.length - a.length; });
    return sources.length ? new RegExp(sources.join("|"), "giu") : null;
  }

  function highlightPage() {
    var query = new URLSearchParams(location.search).get("highlight");
    var root = query && document.querySelector("[data-pagefind-body]");
    if (!root) return;
    var pattern = highlightPattern(parseQuery(query));
    if (!pattern) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return;
      pattern.lastIndex = 0;
      var pieces = document.createDocumentFragment();
      var last = 0;
      text.replace(pattern, function (found, offset) {
        if (offset > last) pieces.appendChild(document.createTextNode(text.slice(last, offset)));
        pieces.appendChild(element("mark", "search-highlight", found));
        last = offset + found.length;
        return found;
      });
      if (last < text.length) pieces.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(pieces, node);
    });
  }

  var root = document.getElementById("search");
  var configNode = document.getElementById("search-config");
  if (root && configNode) {
    var config;
    try { config = JSON.parse(configNode.textContent); } catch (error) { return; }
    searchPage(root, config);
  }
  highlightPage();
})();
