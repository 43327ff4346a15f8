// ThemeGraph's analyst page: a client of the public REST API only, routed by the URL's
// hash so every page can be linked (#/stock/300459.SZ, #/technology/sora, #/add ...).
// Every text from the API goes into the page as a text node (h() below), never as HTML.
'use strict';

(function () {
	const main = document.getElementById('main');
	let lang = localStorage.getItem('themegraph.lang') || (navigator.language.startsWith('zh') ? 'zh' : 'en');

	function t(key, ...args) {
		const text = (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key;
		return text.replace(/\{(\d)\}/g, (m, i) => String(args[i]));
	}

	/** Builds an element; strings become text nodes, so data is never parsed as HTML. */
	function h(tag, attrs, ...kids) {
		const el = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) {
			if (v == null || v === false) continue;
			if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
			else if (k === 'class') el.className = v;
			else if (k === 'value') el.value = v;
			else el.setAttribute(k, v === true ? '' : v);
		}
		for (const kid of kids.flat(Infinity)) {
			if (kid == null || kid === false) continue;
			el.append(kid instanceof Node ? kid : String(kid));
		}
		return el;
	}

	const enc = encodeURIComponent;
	// Every list answers a page object {items, total, skip, limit}.
	const items = (x) => (x && x.items) || [];
	const totalOf = (x) => (x ? x.total : 0);

	class ApiError extends Error {
		constructor(status, body) {
			const problem = body && typeof body === 'object' ? body : null;
			super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
			this.status = status;
			this.problem = problem || { title: `HTTP ${status}`, detail: typeof body === 'string' ? body : '' };
		}
	}

	async function api(path, options) {
		let response;
		try {
			response = await fetch(path, options);
		}
		catch (ex) {
			throw new ApiError(0, { title: t('error'), detail: String(ex.message || ex) });
		}
		const type = response.headers.get('content-type') || '';
		const body = type.includes('json') ? await response.json() : await response.text();
		if (!response.ok) throw new ApiError(response.status, body);
		return body;
	}

	/** A problem detail in words: title, status, detail, and its violations or suggestions. */
	function problemView(err) {
		const p = err.problem || { title: t('error'), detail: String(err.message || err) };
		return h('div', { class: 'problem', role: 'alert' },
			h('strong', {}, p.title || t('error'), p.status ? ` (${p.status})` : ''),
			p.detail ? h('p', {}, p.detail) : null,
			Array.isArray(p.violations) && p.violations.length
				? h('ul', { class: 'violations' }, p.violations.map((v) => h('li', {}, typeof v === 'string' ? v : `${v.pointer || '/'}: ${v.message}`)))
				: null,
			Array.isArray(p.suggestions) && p.suggestions.length
				? h('p', {}, '→ ', p.suggestions.map((s) => (typeof s === 'string' ? s : s.id || JSON.stringify(s))).join(', '))
				: null);
	}

	function dateText(x) {
		if (!x || !x.publishedEarliest) return '';
		if (x.publishedPrecision === 'day' || x.publishedEarliest === x.publishedLatest) return x.publishedEarliest;
		if (x.publishedPrecision === 'month') return x.publishedEarliest.slice(0, 7);
		if (x.publishedPrecision === 'year') return x.publishedEarliest.slice(0, 4);
		return `${x.publishedEarliest} – ${x.publishedLatest}`;
	}

	function kindLabel(kind) { return [' ', h('span', { class: 'kind' }, t(`kind.${kind}`))]; }

	function hrefOf(node) {
		switch (node.kind) {
			case 'Company': return `#/stock/${enc(node.code || node.id)}`;
			case 'Technology': case 'Product': case 'Work': return `#/${node.kind.toLowerCase()}/${enc(node.id)}`;
			case 'Theme': return `#/theme/${enc(node.id)}`;
			case 'Report': return `#/report/${enc(node.id)}`;
			default: return null;
		}
	}

	function nodeLink(node) {
		const href = hrefOf(node);
		return href ? h('a', { href }, node.name || node.id) : h('span', {}, node.name || node.id);
	}

	function loading() { main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading'))); }

	// ---- search as you type --------------------------------------------------------

	const input = document.getElementById('q');
	const list = document.getElementById('suggestions');
	let searchTimer;
	let searchSeq = 0;
	let selected = -1;

	function closeSuggestions() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); selected = -1; }

	function select(i) {
		const options = [...list.querySelectorAll('li')];
		if (!options.length) return;
		selected = (i + options.length) % options.length;
		options.forEach((o, j) => o.setAttribute('aria-selected', j === selected ? 'true' : 'false'));
		input.setAttribute('aria-activedescendant', options[selected].id);
	}

	input.addEventListener('input', () => {
		clearTimeout(searchTimer);
		const q = input.value.trim();
		if (!q) { closeSuggestions(); return; }
		searchTimer = setTimeout(async () => {
			const seq = ++searchSeq;
			try {
				const found = items(await api(`api/search?q=${enc(q)}&limit=15`));
				if (seq !== searchSeq) return;
				list.replaceChildren(...(found.length ? found.map((node, i) => h('li', { id: `sugg-${i}`, role: 'option' },
					hrefOf(node) ? h('a', { href: hrefOf(node), tabindex: '-1' }, node.name, node.code ? ` ${node.code}` : '', kindLabel(node.kind))
						: h('a', { tabindex: '-1' }, node.name, kindLabel(node.kind))))
					: [h('li', { class: 'muted' }, t('search.none'))]));
			}
			catch (err) {
				list.replaceChildren(h('li', {}, problemView(err)));
			}
			list.hidden = false;
			input.setAttribute('aria-expanded', 'true');
			selected = -1;
		}, 200);
	});
	input.addEventListener('keydown', (e) => {
		if (e.key === 'ArrowDown') { e.preventDefault(); select(selected + 1); }
		else if (e.key === 'ArrowUp') { e.preventDefault(); select(selected - 1); }
		else if (e.key === 'Escape') closeSuggestions();
		else if (e.key === 'Enter') {
			const options = [...list.querySelectorAll('li a[href]')];
			const pick = options[Math.max(selected, 0)];
			if (pick) { location.hash = pick.getAttribute('href'); closeSuggestions(); }
		}
	});
	list.addEventListener('click', () => closeSuggestions());
	document.addEventListener('click', (e) => { if (!e.target.closest('.search')) closeSuggestions(); });

	// ---- evidence paths ------------------------------------------------------------

	function pathDate(path) {
		return path.steps.map((s) => s.publishedLatest || '').sort().pop() || '';
	}

	function pathView(path) {
		return h('div', { class: 'path' },
			h('div', {}, h('span', { class: 'muted' }, `${t('path')}: ${path.kind} · ${t('weight')} ${path.weight}`)),
			path.steps.map((s) => h('div', { class: 'step' },
				nodeLink(s.from), ` —${s.type}→ `, nodeLink(s.to),
				h('div', { class: 'step' },
					h('span', { class: 'quote' }, `“${s.quote}”`), ' ',
					h('span', { class: 'muted' }, '— ',
						h('a', { href: `#/report/${enc(s.report)}` }, s.reportTitle || s.report),
						s.broker ? ` · ${s.broker}` : '', dateText(s) ? ` · ${dateText(s)}` : '')))));
	}

	// ---- home ----------------------------------------------------------------------

	async function homePage() {
		loading();
		const [themes, reportList] = await Promise.all([api('api/themes?limit=500'), api('api/reports?limit=50')]);
		main.replaceChildren(
			h('h1', {}, t('home.title')),
			h('div', { class: 'cols' },
				h('section', {}, h('h2', {}, t('home.themes')),
					h('ul', {}, items(themes).map((th) => h('li', {}, h('a', { href: `#/theme/${enc(th.id)}` }, th.name),
						h('span', { class: 'muted' }, ` · ${th.stocks} ${t('home.stocks')}`))))),
				h('section', {}, h('h2', {}, t('home.reports')),
					h('ul', {}, items(reportList).map((r) => h('li', {}, h('a', { href: `#/report/${enc(r.id)}` }, r.title),
						h('span', { class: 'muted' }, ` · ${r.broker || ''} · ${dateText(r)}`)))))));
	}

	// ---- technology, product, work -------------------------------------------------

	function download(name, text, type) {
		const url = URL.createObjectURL(new Blob([text], { type }));
		const a = h('a', { href: url, download: name });
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	async function technologyPage(kind, id, query) {
		loading();
		const since = query.get('since') || '';
		const until = query.get('until') || '';
		const broker = query.get('broker') || '';
		const params = new URLSearchParams({ limit: '500', sort: 'newest' });
		if (since) params.set('since', since);
		if (until) params.set('until', until);
		const answer = await api(`api/technologies/${enc(id)}/stocks?${params}`);
		const stocks = items(answer);
		let name = id;
		stocks.forEach((s) => s.paths.forEach((p) => p.steps.forEach((st) => [st.from, st.to].forEach((n) => { if (n.id === id) name = n.name; }))));
		const brokers = [...new Set(stocks.flatMap((s) => s.paths.flatMap((p) => p.steps.map((st) => st.broker))).filter(Boolean))].sort();
		// since and until are the API's; the API takes no broker, so that filter is the
		// page's own.
		const keep = (p) => !broker || p.steps.some((s) => s.broker === broker);
		stocks.forEach((s) => { s.shownPaths = s.paths.filter(keep).sort((a, b) => pathDate(b).localeCompare(pathDate(a))); });
		const shown = stocks.filter((s) => s.shownPaths.length);
		const setFilter = (key, value) => {
			const q = new URLSearchParams(query);
			if (value) q.set(key, value); else q.delete(key);
			location.hash = `#/${kind}/${enc(id)}${q.toString() ? `?${q}` : ''}`;
		};
		// The server's CSV, for the same since/until/sort as the page. It holds every
		// broker: the API has no broker parameter, and filtering its CSV here would mean
		// a second CSV writer, so the broker filter is on-page only and the page says so.
		const csvNote = h('span', { class: 'muted', id: 'csv-note' }, broker ? ` ${t('csv.allBrokers')}` : '');
		const exportCsv = async () => {
			const csvParams = new URLSearchParams(params);
			csvParams.set('format', 'csv');
			try {
				// As bytes: text() would drop the BOM spreadsheets read the encoding from.
				const r = await fetch(`api/technologies/${enc(id)}/stocks?${csvParams}`);
				if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
				download(`${id}-stocks.csv`, await r.blob(), 'text/csv;charset=utf-8');
			}
			catch (err) {
				csvNote.replaceChildren(problemView(err));
			}
		};
		main.replaceChildren(
			h('h1', {}, name, kindLabel(kind[0].toUpperCase() + kind.slice(1))),
			h('p', { class: 'muted' }, t('tech.ranked')),
			h('div', { class: 'filters' },
				h('label', {}, t('filter.since'), h('input', { type: 'date', id: 'since', value: since, onchange: (e) => setFilter('since', e.target.value) })),
				h('label', {}, t('filter.until'), h('input', { type: 'date', id: 'until', value: until, onchange: (e) => setFilter('until', e.target.value) })),
				h('label', {}, t('filter.broker'), h('select', { id: 'broker', onchange: (e) => setFilter('broker', e.target.value) },
					h('option', { value: '' }, t('filter.all')),
					brokers.map((b) => h('option', { value: b, selected: b === broker }, b)))),
				h('button', { type: 'button', id: 'csv', onclick: exportCsv }, t('csv')), csvNote),
			h('p', { class: 'muted', id: 'count' }, t('shown', shown.length, totalOf(answer))),
			h('ol', { class: 'stocks' }, shown.map((s) => h('li', { class: 'stock', 'data-code': s.code },
				h('h3', {}, h('a', { href: `#/stock/${enc(s.code)}` }, s.name), ` ${s.code} `,
					h('span', { class: 'muted' }, s.nameEn || ''), ' · ', h('span', { class: 'score' }, `${t('score')} ${s.score}`)),
				s.shownPaths.map(pathView)))));
	}

	// ---- neighbourhood graphs ------------------------------------------------------

	function cypherString(s) { return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`; }

	function graphView(nodes, edges, cypher) {
		const box = h('div', { class: 'graph', role: 'img', 'aria-label': t('graph.title') });
		const section = h('section', {}, h('h2', {}, t('graph.title')), box,
			h('p', {}, h('a', { href: `browser/?cmd=edit&arg=${enc(cypher)}`, target: '_blank', rel: 'noopener', id: 'browser-link' }, t('graph.browser')),
				' ', h('code', {}, cypher)));
		if (window.vis) {
			const colours = { Company: '#f2b134', Theme: '#5b8def', Report: '#9aa5b1', Technology: '#4fb286', Product: '#4fb286', Work: '#c46bd6' };
			// vis-network draws labels on a canvas, so names are never parsed as HTML.
			const network = new vis.Network(box, {
				nodes: new vis.DataSet(nodes.map((n) => ({ id: n.key, label: n.label, color: colours[n.kind] || '#ccc', shape: 'dot', size: n.main ? 18 : 11, href: n.href }))),
				edges: new vis.DataSet(edges.map((e, i) => ({ id: i, from: e.from, to: e.to, label: e.label, arrows: 'to', font: { size: 9 }, dashes: !!e.dashes }))),
			}, { physics: { stabilization: { iterations: 150 } }, interaction: { keyboard: false, hover: true }, nodes: { font: { size: 12 } } });
			network.on('doubleClick', (ev) => {
				const n = nodes.find((x) => x.key === ev.nodes[0]);
				if (n && n.href) location.hash = n.href;
			});
		}
		return section;
	}

	// ---- stock ---------------------------------------------------------------------

	async function stockPage(code) {
		loading();
		const answer = await api(`api/stocks/${enc(code)}/exposure?limit=200&themeLimit=200`);
		const stock = answer.stock;
		const themes = items(answer.themes);
		const exposures = items(answer.exposures);
		const nodes = [{ key: `c:${stock.code}`, label: stock.name, kind: 'Company', main: true }];
		const edges = [];
		const seen = new Set(nodes.map((n) => n.key));
		const add = (n) => { if (!seen.has(n.key)) { seen.add(n.key); nodes.push(n); } };
		themes.forEach((th) => {
			add({ key: `t:${th.id}`, label: th.name, kind: 'Theme', href: `#/theme/${enc(th.id)}` });
			edges.push({ from: `t:${th.id}`, to: `c:${stock.code}`, label: 'RECOMMENDS' });
			add({ key: `r:${th.report}`, label: th.reportTitle || th.report, kind: 'Report', href: `#/report/${enc(th.report)}` });
			edges.push({ from: `r:${th.report}`, to: `t:${th.id}`, label: 'HAS_THEME' });
		});
		exposures.slice(0, 12).forEach((x) => {
			add({ key: `x:${x.id}`, label: x.name, kind: x.kind, href: hrefOf(x) });
			edges.push({ from: `c:${stock.code}`, to: `x:${x.id}`, label: `${t('score')} ${x.score}`, dashes: true });
		});
		main.replaceChildren(
			h('h1', {}, stock.name, ` ${stock.code}`, kindLabel('Company')),
			h('p', { class: 'muted' }, [stock.nameEn, ...(stock.aliases || [])].filter(Boolean).join(' · ')),
			h('div', { class: 'cols' },
				h('section', {}, h('h2', {}, t('stock.themes')),
					h('ul', {}, themes.map((th) => h('li', {}, h('a', { href: `#/theme/${enc(th.id)}` }, th.name), ' ',
						h('span', { class: 'quote' }, `“${th.quote}”`), h('span', { class: 'muted' }, ' — ',
							h('a', { href: `#/report/${enc(th.report)}` }, th.reportTitle || th.report)))))),
				graphView(nodes, edges, `MATCH p = (c:Company {code: ${cypherString(stock.code)}})-[*1..2]-() RETURN p LIMIT 150`)),
			h('section', {}, h('h2', {}, t('stock.exposure')),
				h('p', { class: 'muted' }, t('shown', exposures.length, totalOf(answer.exposures))),
				h('ol', {}, exposures.map((x) => h('li', { class: 'stock' },
					h('h3', {}, nodeLink(x), kindLabel(x.kind), ' · ', h('span', { class: 'score' }, `${t('score')} ${x.score}`)),
					x.paths.slice().sort((a, b) => pathDate(b).localeCompare(pathDate(a))).map(pathView))))));
	}

	// ---- theme ---------------------------------------------------------------------

	async function themePage(id) {
		loading();
		const [answer, themes] = await Promise.all([api(`api/themes/${enc(id)}/stocks?limit=500`), api('api/themes?limit=500')]);
		const theme = items(themes).find((x) => x.id === id) || { id, name: id };
		const stocks = items(answer);
		const nodes = [{ key: `t:${id}`, label: theme.name, kind: 'Theme', main: true }];
		const edges = [];
		const seen = new Set([`t:${id}`]);
		stocks.forEach((s) => {
			nodes.push({ key: `c:${s.code}`, label: s.name, kind: 'Company', href: `#/stock/${enc(s.code)}` });
			edges.push({ from: `t:${id}`, to: `c:${s.code}`, label: 'RECOMMENDS' });
		});
		(theme.reports || []).forEach((r) => {
			if (!seen.has(`r:${r.id}`)) {
				seen.add(`r:${r.id}`);
				nodes.push({ key: `r:${r.id}`, label: r.title || r.id, kind: 'Report', href: `#/report/${enc(r.id)}` });
			}
			edges.push({ from: `r:${r.id}`, to: `t:${id}`, label: 'HAS_THEME' });
		});
		main.replaceChildren(
			h('h1', {}, theme.name, kindLabel('Theme')),
			h('p', { class: 'muted' }, theme.nameEn || ''),
			h('div', { class: 'cols' },
				h('section', {}, h('h2', {}, t('theme.stocks')),
					h('p', { class: 'muted' }, t('shown', stocks.length, totalOf(answer))),
					h('table', {}, h('tbody', {}, stocks.map((s) => h('tr', { 'data-code': s.code },
						h('td', {}, h('a', { href: `#/stock/${enc(s.code)}` }, s.name), h('div', { class: 'muted' }, s.code)),
						h('td', {}, (s.evidence || []).map((e) => h('div', {}, h('span', { class: 'quote' }, `“${e.quote}”`),
							h('span', { class: 'muted' }, ' — ', h('a', { href: `#/report/${enc(e.report)}` }, e.reportTitle || e.report)))))))))),
				graphView(nodes, edges, `MATCH p = (t:Theme {id: ${cypherString(id)}})-[*1..2]-() RETURN p LIMIT 150`)));
	}

	// ---- highlighted text ----------------------------------------------------------

	/**
	 * The text with every quote highlighted; a highlight covers one or more quotes, and
	 * activating it (click, Enter or Space) passes their edges to onPick.
	 */
	function highlightedText(text, quotes, onPick) {
		const ranges = [];
		quotes.forEach((q, i) => {
			if (!q.quote) return;
			let at = text.indexOf(q.quote);
			while (at >= 0) {
				ranges.push({ start: at, end: at + q.quote.length, i });
				at = text.indexOf(q.quote, at + q.quote.length);
			}
		});
		const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
		const box = h('div', { class: 'text', id: 'report-text' });
		for (let k = 0; k + 1 < cuts.length; k++) {
			const [a, b] = [cuts[k], cuts[k + 1]];
			const covering = ranges.filter((r) => r.start <= a && r.end >= b).map((r) => quotes[r.i]);
			const piece = text.slice(a, b);
			if (!covering.length) { box.append(piece); continue; }
			const pick = (e) => {
				box.querySelectorAll('mark.on').forEach((m) => m.classList.remove('on'));
				e.currentTarget.classList.add('on');
				onPick([...new Set(covering)]);
			};
			box.append(h('mark', { tabindex: '0', role: 'button', onclick: pick,
				onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(e); } } }, piece));
		}
		return box;
	}

	function edgeList(edges) {
		return h('ul', { id: 'edges' }, edges.map((e) => h('li', {}, nodeLink(e.from), ` —${e.type}→ `, nodeLink(e.to),
			h('div', { class: 'muted' }, h('span', { class: 'quote' }, `“${e.quote}”`)))));
	}

	// ---- report --------------------------------------------------------------------

	async function reportPage(id) {
		loading();
		const [report, text] = await Promise.all([api(`api/reports/${enc(id)}`), api(`api/reports/${enc(id)}/text`)]);
		const me = { id, kind: 'Report', name: report.title };
		const quotes = [];
		if (report.brokerQuote) quotes.push({ from: { id: report.brokerId, kind: 'Organization', name: report.broker }, type: 'PUBLISHED', to: me, quote: report.brokerQuote });
		(report.analysts || []).forEach((a) => quotes.push({ from: { id: a.id, kind: 'Person', name: a.name }, type: 'AUTHORED', to: me, quote: a.quote }));
		(report.cites || []).forEach((c) => quotes.push({ from: me, type: 'CITES', to: { kind: 'CitedReport', name: c.title }, quote: c.quote }));
		(report.risks || []).forEach((r) => quotes.push({ from: me, type: 'FLAGS_RISK', to: { id: r.id, kind: 'Risk', name: r.name }, quote: r.quote }));
		(report.about || []).forEach((x) => quotes.push({ from: me, type: 'ABOUT', to: x, quote: x.quote }));
		(report.themes || []).forEach((th) => quotes.push({ from: me, type: 'HAS_THEME', to: { id: th.id, kind: 'Theme', name: th.name }, quote: th.quote }));
		// A recommendation's quote is on the theme's RECOMMENDS edge, which the theme's
		// stock list carries.
		const themeStocks = await Promise.all((report.themes || []).map((th) => api(`api/themes/${enc(th.id)}/stocks?limit=500`).then(items).catch(() => [])));
		(report.themes || []).forEach((th, i) => themeStocks[i].forEach((s) => (s.evidence || []).filter((e) => e.report === id)
			.forEach((e) => quotes.push({ from: { id: th.id, kind: 'Theme', name: th.name }, type: 'RECOMMENDS', to: { id: s.code, code: s.code, kind: 'Company', name: s.name }, quote: e.quote }))));
		const edgesBox = h('div', {}, h('p', { class: 'muted' }, t('report.clickHint')));
		const meta = (label, value) => (value ? h('div', {}, h('span', { class: 'muted' }, `${label}: `), value) : null);
		main.replaceChildren(
			h('h1', {}, report.title, kindLabel('Report')),
			h('section', {}, h('h2', {}, t('report.meta')),
				meta(t('broker'), report.broker && `${report.broker}${report.brokerEn ? ` (${report.brokerEn})` : ''}`),
				meta(t('report.industry'), report.industry),
				meta(t('report.rating'), report.rating && `${report.rating}${report.ratingAction ? `（${report.ratingAction}）` : ''}`),
				meta(t('report.published'), dateText(report)),
				report.publishedNote ? h('p', { class: 'muted' }, report.publishedNote) : null,
				meta(t('report.analysts'), (report.analysts || []).map((a) => `${a.name}${a.role ? ` (${a.role}${a.sacCertificate ? `, ${a.sacCertificate}` : ''})` : ''}`).join('; ')),
				meta(t('report.themes'), h('span', {}, (report.themes || []).map((th, i) => [i ? '; ' : '', h('a', { href: `#/theme/${enc(th.id)}` }, th.name)]))),
				meta(t('report.about'), h('span', {}, (report.about || []).map((x, i) => [i ? '; ' : '', nodeLink(x)]))),
				meta(t('report.risks'), (report.risks || []).map((r) => r.name).join('; '))),
			h('div', { class: 'cols' },
				h('section', {}, h('h2', {}, t('report.text')),
					highlightedText(text, quotes, (edges) => edgesBox.replaceChildren(edgeList(edges)))),
				h('section', { class: 'edges' }, h('h2', {}, t('report.edges')), edgesBox)));
	}

	// ---- add a report --------------------------------------------------------------

	const KEY = 'themegraph.writerKey';

	function pointerGet(doc, pointer) {
		return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
			.reduce((x, p) => (x == null ? undefined : x[p]), doc);
	}

	function addPage() {
		const text = h('textarea', { class: 'report', id: 'report-input', 'aria-label': t('add.paste') });
		const file = h('input', { type: 'file', id: 'report-pdf', accept: 'application/pdf,.pdf,text/plain,.txt' });
		const out = h('div', { id: 'draft-area' });
		const run = async () => {
			out.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
			try {
				const chosen = file.files[0];
				const body = chosen || text.value;
				const type = chosen ? (chosen.type || 'application/pdf') : 'text/plain; charset=utf-8';
				const draft = await api('api/reports/extract', { method: 'POST', headers: { 'Content-Type': type }, body });
				reviewView(out, draft);
				out.scrollIntoView({ block: 'start' });
			}
			catch (err) {
				out.replaceChildren(problemView(err));
			}
		};
		main.replaceChildren(h('h1', {}, t('add.title')),
			h('label', { for: 'report-input' }, t('add.paste')), text,
			h('p', {}, h('label', {}, `${t('add.pdf')} `, file), ' ',
				h('button', { type: 'button', id: 'extract', onclick: run }, t('add.extract'))),
			out);
	}

	function reviewView(out, draft) {
		const review = draft.review || {};
		delete draft.review;
		let doc = draft;
		const settled = new Set();
		const tasks = [...(review.ambiguous || []).map((x, i) => `a${i}`), ...(review.unresolved || []).map((x, i) => `u${i}`),
			...(review.missing || []).map((x, i) => `m${i}`)];
		const textBox = h('div');
		const edgesBox = h('div');
		const reviewBox = h('div', { class: 'review', id: 'review' });
		const itemsBox = h('div', { id: 'draft-items' });
		const json = h('textarea', { id: 'draft-json', rows: '16', 'aria-label': t('add.json'), spellcheck: 'false' });
		const status = h('div', { id: 'validation', role: 'status' });
		const key = h('input', { type: 'password', id: 'writer-key', autocomplete: 'off', value: sessionStorage.getItem(KEY) || '',
			oninput: (e) => sessionStorage.setItem(KEY, e.target.value) });
		const result = h('div', { id: 'load-result' });
		const loadButton = h('button', { type: 'button', id: 'load', disabled: true }, t('add.load'));
		let valid = false;
		let validateTimer;
		let validateSeq = 0;

		const quotesOf = () => {
			const q = [];
			const me = { kind: 'Report', name: doc.title };
			(doc.analysts || []).forEach((a) => q.push({ from: { name: a.person, kind: 'Person' }, type: 'AUTHORED', to: me, quote: a.quote }));
			(doc.cites || []).forEach((c) => q.push({ from: me, type: 'CITES', to: { name: c.title }, quote: c.quote }));
			(doc.risks || []).forEach((r) => q.push({ from: me, type: 'FLAGS_RISK', to: { name: r.name || r.id }, quote: r.quote }));
			(doc.about || []).forEach((x) => q.push({ from: me, type: 'ABOUT', to: { name: x.entity }, quote: x.quote }));
			(doc.mentions || []).forEach((x) => q.push({ from: me, type: 'MENTIONS', to: { name: x.entity }, quote: x.quote }));
			(doc.themes || []).forEach((th) => {
				q.push({ from: me, type: 'HAS_THEME', to: { name: th.name }, quote: th.quote });
				(th.about || []).forEach((x) => q.push({ from: { name: th.name }, type: 'ABOUT', to: { name: x.entity }, quote: x.quote }));
				(th.companies || []).forEach((c) => q.push({ from: { name: th.name }, type: 'RECOMMENDS', to: { name: `${c.name} ${c.code}` }, quote: c.quote }));
			});
			if (doc.brokerQuote) q.push({ from: { name: doc.broker }, type: 'PUBLISHED', to: me, quote: doc.brokerQuote });
			return q;
		};

		const validate = async () => {
			const seq = ++validateSeq;
			try {
				const answer = await api('api/reports/validate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc) });
				if (seq !== validateSeq) return;
				valid = answer.valid;
				status.replaceChildren(answer.valid ? h('p', { class: 'badge-ok' }, `✓ ${t('add.valid')}`)
					: h('div', {}, h('p', { class: 'badge-bad' }, `✗ ${t('add.invalid')}`),
						h('ul', { class: 'violations' }, answer.violations.map((v) => h('li', {}, `${v.pointer || '/'}: ${v.message}`)))));
			}
			catch (err) {
				valid = false;
				status.replaceChildren(problemView(err));
			}
			gate();
		};
		const gate = () => {
			const pending = tasks.filter((x) => !settled.has(x)).length;
			loadButton.disabled = !(valid && pending === 0);
			loadButton.title = pending ? t('add.pending') : '';
		};
		const changed = (fromJson) => {
			if (!fromJson) json.value = JSON.stringify(doc, null, 2);
			textBox.replaceChildren(highlightedText(doc.text || '', quotesOf(), (edges) => edgesBox.replaceChildren(edgeList(edges))));
			renderReview();
			renderItems();
			clearTimeout(validateTimer);
			validateTimer = setTimeout(validate, 250);
			gate();
		};
		json.addEventListener('input', () => {
			try {
				doc = JSON.parse(json.value);
				changed(true);
			}
			catch (ex) {
				valid = false;
				status.replaceChildren(h('p', { class: 'badge-bad' }, `✗ JSON: ${ex.message}`));
				gate();
			}
		});

		const settle = (task) => { settled.add(task); changed(); };
		const done = (task) => (settled.has(task) ? h('span', { class: 'badge-ok' }, ` ✓ ${t('add.done')}`) : null);

		function renderReview() {
			const parts = [];
			(review.ambiguous || []).forEach((a, i) => {
				const choose = h('select', { 'aria-label': a.text, id: `ambiguous-${i}` },
					a.candidates.map((c) => h('option', { value: c.split(' (')[0], selected: c.split(' (')[0] === a.chosen }, c)));
				parts.push(h('li', { 'data-task': `a${i}` }, h('strong', {}, a.text), ' ', choose, ' ',
					h('button', { type: 'button', onclick: () => {
						const to = choose.value;
						const swap = (x) => { if (x.entity === a.chosen) x.entity = to; };
						(doc.mentions || []).forEach(swap);
						(doc.about || []).forEach(swap);
						(doc.themes || []).forEach((th) => (th.about || []).forEach(swap));
						a.chosen = to;
						settle(`a${i}`);
					} }, t('add.apply')), done(`a${i}`), h('div', { class: 'muted' }, a.quote)));
			});
			(review.unresolved || []).forEach((u, i) => {
				const code = h('input', { type: 'text', id: `unresolved-${i}`, placeholder: t('add.code'), 'aria-label': `${u.text} ${t('add.code')}`, size: '12' });
				parts.push(h('li', { 'data-task': `u${i}` }, h('strong', {}, u.text), ` (${u.field}) `, code, ' ',
					h('button', { type: 'button', onclick: () => {
						const list = pointerGet(doc, u.field);
						if (Array.isArray(list) && code.value.trim()) {
							list.push({ code: code.value.trim(), name: u.text, quote: u.quote });
							settle(`u${i}`);
						}
					} }, t('add.apply')), ' ',
					h('button', { type: 'button', onclick: () => settle(`u${i}`) }, t('add.remove')), done(`u${i}`),
					h('div', { class: 'muted' }, u.why)));
			});
			(review.missing || []).forEach((m, i) => {
				if (m.field === '/published') {
					const earliest = h('input', { type: 'date', id: 'published-earliest', 'aria-label': 'earliest' });
					const latest = h('input', { type: 'date', id: 'published-latest', 'aria-label': 'latest' });
					parts.push(h('li', { 'data-task': `m${i}` }, h('strong', {}, t('add.published')), ' ', earliest, ' ', latest, ' ',
						h('button', { type: 'button', onclick: () => {
							if (!earliest.value) return;
							const last = latest.value || earliest.value;
							doc.published = { earliest: earliest.value, latest: last, precision: last === earliest.value ? 'day' : 'range' };
							settle(`m${i}`);
						} }, t('add.apply')), done(`m${i}`), h('div', { class: 'muted' }, m.why)));
				}
				else {
					parts.push(h('li', { 'data-task': `m${i}` }, h('strong', {}, m.field), ' ', m.why, ' ',
						h('button', { type: 'button', onclick: () => settle(`m${i}`) }, t('add.done')), done(`m${i}`)));
				}
			});
			const notes = [...(review.check || []), ...(review.generated || [])].map((c) => h('li', { class: 'muted' }, `${c.field}${c.value ? ` = ${c.value}` : ''}: ${c.why}`));
			reviewBox.replaceChildren(h('h3', {}, t('add.review')), h('ul', {}, parts), notes.length ? h('ul', {}, notes) : null);
		}

		function renderItems() {
			const removeButton = (label, onclick) => h('button', { type: 'button', 'aria-label': `${t('add.remove')} ${label}`, onclick: () => { onclick(); changed(); } }, '×');
			const listOf = (arr, label) => (arr || []).map((x, i) => h('li', {}, label(x), ' ', removeButton(label(x), () => arr.splice(i, 1))));
			itemsBox.replaceChildren(h('h3', {}, t('add.items')),
				h('ul', {}, (doc.themes || []).map((th, ti) => h('li', {}, h('strong', {}, th.name), ` [${th.id}] `,
					removeButton(th.name, () => doc.themes.splice(ti, 1)),
					h('ul', {}, listOf(th.companies, (c) => `${c.name} ${c.code}`), listOf(th.about, (x) => `→ ${x.entity}`))))),
				h('ul', {}, listOf(doc.about, (x) => `${t('report.about')}: ${x.entity}`), listOf(doc.mentions, (x) => x.entity),
					listOf(doc.risks, (x) => `${t('report.risks')}: ${x.name || x.id}`), listOf(doc.cites, (x) => `《${x.title}》`)));
		}

		loadButton.addEventListener('click', async () => {
			result.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
			try {
				const answer = await api('api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-API-Key': key.value }, body: JSON.stringify(doc) });
				result.replaceChildren(h('div', { class: 'ok', role: 'status' }, t('add.loaded'),
					h('a', { href: `#/report/${enc(doc.id)}` }, doc.title), ` (${answer.outcome || ''})`,
					h('ul', {}, (doc.themes || []).map((th) => h('li', {}, h('a', { href: `#/theme/${enc(th.id)}` }, th.name))))));
			}
			catch (err) {
				result.replaceChildren(problemView(err));
			}
		});

		out.replaceChildren(h('div', { class: 'cols' },
			h('section', {}, h('h2', {}, t('report.text')), textBox, h('h3', {}, t('report.edges')), edgesBox),
			h('section', {}, h('h2', {}, t('add.draft')), reviewBox, itemsBox,
				h('h3', {}, h('label', { for: 'draft-json' }, t('add.json'))), json, status,
				h('p', {}, h('label', { for: 'writer-key' }, t('add.key')), h('br'), key, ' ', loadButton), result)));
		changed();
	}

	// ---- routing -------------------------------------------------------------------

	function applyLanguage() {
		document.documentElement.lang = lang;
		document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
		document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
		document.getElementById('lang').textContent = t('lang.switch');
	}

	async function route() {
		const hash = location.hash.replace(/^#/, '') || '/';
		const [path, queryText] = hash.split('?');
		const query = new URLSearchParams(queryText || '');
		const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
		closeSuggestions();
		try {
			if (!parts.length) await homePage();
			else if (['technology', 'product', 'work'].includes(parts[0]) && parts[1]) await technologyPage(parts[0], parts[1], query);
			else if (parts[0] === 'stock' && parts[1]) await stockPage(parts[1]);
			else if (parts[0] === 'theme' && parts[1]) await themePage(parts[1]);
			else if (parts[0] === 'report' && parts[1]) await reportPage(parts[1]);
			else if (parts[0] === 'add') addPage();
			else throw new ApiError(404, { title: 'Not found', status: 404, detail: `No page at #${hash}` });
		}
		catch (err) {
			main.replaceChildren(problemView(err));
		}
		document.title = `ThemeGraph · ${(main.querySelector('h1') || {}).textContent || ''}`;
	}

	document.getElementById('lang').addEventListener('click', () => {
		lang = lang === 'zh' ? 'en' : 'zh';
		localStorage.setItem('themegraph.lang', lang);
		applyLanguage();
		if (!location.hash.startsWith('#/add')) route();
	});
	window.addEventListener('hashchange', route);
	applyLanguage();
	route();
}());
