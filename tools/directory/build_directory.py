#!/usr/bin/env python3
"""Rebuild ThemeGraph's listed-company directory snapshot: seed-data/directory/companies.csv.

Reads public exports of the exchanges' directories (Tushare stock_basic / hk_basic, East Money HK
quotes, the Nasdaq stock screener, the Nasdaq Trader symbol directory) and the curated
seed-data/directory/us-chinese-names.csv (code,name,source) and same-issuer-extra.csv
(code,sameAs,source), and writes companies.csv, one row
per listing, sorted by code.  seed-data/directory/short-forms.csv (alias,code,source) is curated
by hand; this script only checks that each of its codes is in companies.csv and each row has a
source.  Python 3.11 standard library plus the git command; the output is deterministic.

Every input is a file path or GITDIR@COMMIT:PATH (a file at a commit of a git repository, as
brought to this machine with the fetch tool).  The exact command that built the committed
snapshot is in seed-data/directory/README.md; its shape:

  python3 tools/directory/build_directory.py \\
    --a-basic        yhhe2004/QuantSandbox          data/stock_basic.csv   (A shares: full/English names)
    --afan-git       AFAN-LIFE/macropage git dir    (data/stock_basic.csv at --afan-commit and every
                                                      earlier version: delisted rows, name history)
    --hk-basic       measimov/hk-netcash-candidates tushare_hk_basic.csv
    --hk-em          measimov/hk-netcash-candidates eastmoney_hk_quotes.csv
    --us-screener    welcra/merlin-public           nasdaq_screener.csv
    --us-nasdaqlisted / --us-otherlisted  Nasdaq Trader nasdaqlisted.txt / otherlisted.txt
    [--snapshot SOURCE-ID,YYYY-MM-DD,FILE ...]      more dated A-share stock_basic exports
    [--out seed-data/directory]

A --snapshot file needs a code column (ts_code, TS代码, 股票代码, or a bare 6-digit code) and a
name column (name, 股票名称).  All snapshots and every AFAN version form one dated sequence of
names per code; a name that changes is a former name, dated by the first snapshot that shows the
next name.  A snapshot newer than the AFAN head also sets the current name and adds the codes
listed after it.  The source ids and as-of dates of the other inputs are in SOURCES below;
change them together with the inputs.
"""
import argparse
import csv
import io
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

SOURCES = {
    'a-basic': ('tushare-stock_basic/yhhe2004-QuantSandbox@4ef962f', '2026-02-27'),
    'afan': ('tushare-stock_basic/AFAN-LIFE-macropage@9ef6144', '2026-03-04'),
    'hk-basic': ('tushare-hk_basic/measimov@5654176', '2026-06-22'),
    'hk-em': ('eastmoney-hk/measimov@5654176', '2026-06-22'),
    'us-screener': ('nasdaq-screener/welcra@87a110f', '2025-02-09'),
    'us-listed': ('nasdaqtrader-symbols/hemza83@7837b46', '2025-07-21'),
}
AFAN_COMMIT = '9ef6144e2c82f1e5465ab8629ae2980d13c89f9d'
AFAN_PATH = 'data/stock_basic.csv'

HEADER = ['code', 'market', 'name', 'fullName', 'nameEn', 'formerNames', 'sameIssuer',
          'status', 'source', 'asOf']

# Chinese issuers whose Nasdaq "Country" column does not say China/Hong Kong/Macau.
US_CHINA_INCLUDE = [
    'TME', 'HUYA', 'NIO', 'YUMC', 'FINV', 'WDH', 'RERE', 'CANG', 'GHG', 'BEKE', 'ZH', 'IQ',
    'DOYU', 'MOMO', 'YY', 'VIPS', 'FUTU', 'TAL', 'EDU', 'BIDU', 'BABA', 'JD', 'PDD', 'NTES',
    'BILI', 'WB', 'TCOM', 'XPEV', 'LI', 'ZTO', 'BZ', 'TIGR', 'QFIN', 'LU', 'YMM', 'ATHM',
    'GDS', 'KC', 'HTHT', 'MNSO', 'LX', 'VNET', 'DADA', 'GOTU', 'DAO', 'SOHU', 'FENG', 'WRD',
    'PONY', 'HSAI', 'TUYA', 'ZK', 'ZLAB', 'BGNE', 'ONC', 'LEGN', 'HCM', 'CAAS', 'JKS', 'DQ',
    'ATAT', 'API', 'QSG', 'YSG', 'UXIN', 'EH', 'NIU', 'CMCM', 'XNET', 'NCTY', 'KRKR', 'TOUR',
    'JG', 'SY', 'WIMI', 'SOGP', 'MLCO',
]
US_BIG_CAP = 10_000_000_000  # USD; NASDAQ/NYSE common stocks at or above this are included

CJK = re.compile(r'[\u3400-\u9fff]')
HK_TAG = re.compile(r'-[A-Z]{1,3}$')
HK_RMB = re.compile(r'-(R|WR|SWR|SR|BR)$')  # RMB counters (80700.HK 腾讯控股-R)
US_SKIP = re.compile(r'\b(Warrants?|Units?|Rights?|Preferred|Notes?|Debentures?|ETF|ETN|Fund|'
                     r'Beneficial Interest|Subordinated|Trust Preferred|Depositary Shares? each '
                     r'representing a 1/|Contingent Value)\b', re.I)
US_TAIL = re.compile(
    r'\s+(American Depositary|American Depository|American depositary|Sponsored|Unsponsored|'
    r'ADSs?\b|ADRs?\b|Class [A-Z]\b|Series [A-Z]\b|Ordinary Shares?|Ordinary shares?|'
    r'Common Stock|Common Shares?|Common stock|Capital Stock|Registered Shares?|'
    r'Subordinate Voting|Limited Voting)\b.*$')
# Non-equity rows the name filter does not catch (checked by hand in the 2025-02-09 screener):
US_EXCLUDE = {
    'ASA': 'closed-end fund (ASA Gold and Precious Metals)',
    'CCZ': 'exchangeable notes (Comcast Holdings ZONES)',
    'TVE': 'bonds (Tennessee Valley Authority)',
}
ST_PREFIX = re.compile(r'^(?:S\*ST|\*ST|SST|ST|XD|XR|DR|退市|N|C|S)(?=[\u3400-\u9fff*A-Z])')
LISTING_DAY = re.compile(r'^[NC](?=[\u3400-\u9fff])')
ST_SUFFIX = re.compile(r'(?:\(退\)|（退）|退)$')


def log(*a):
    print(*a, flush=True)


def nf(s):
    return unicodedata.normalize('NFKC', (s or '').strip())


def a_name(name):
    """A-share short name: NFKC, without the blanks old exports pad short names with (新 希 望)."""
    return re.sub(r'\s+', '', nf(name))


def base_name(name):
    """A-share short name without ST/*ST/N/C/XD/退 markers (to tell flips from renames)."""
    s = nf(name).replace(' ', '')
    while True:
        t = ST_SUFFIX.sub('', ST_PREFIX.sub('', s))
        if t == s:
            return s
        s = t


def read_csv_text(text):
    return list(csv.DictReader(io.StringIO(text.lstrip('\ufeff'), newline='')))


GIT_SPEC = re.compile(r'^(?P<gitdir>.+?)@(?P<commit>[0-9a-fA-F]{7,40}):(?P<path>.+)$')


def read_text(spec):
    """A file path, or GITDIR@COMMIT:PATH for a file at a commit of a (bare) git repository."""
    m = GIT_SPEC.match(spec)
    if m and os.path.isdir(m['gitdir']):
        return git(m['gitdir'], 'show', f"{m['commit']}:{m['path']}")
    with open(spec, encoding='utf-8-sig', newline='') as f:
        return f.read()


def read_csv(spec):
    return read_csv_text(read_text(spec))


def pick(row, *keys):
    for k in keys:
        if k in row and row[k] is not None:
            return row[k]
    return ''


def a_market(code):
    return {'SH': 'SSE', 'SZ': 'SZSE', 'BJ': 'BSE'}[code[-2:]]


A_CODE = re.compile(r'^\d{6}\.(SH|SZ|BJ)$')


def git(gitdir, *args):
    return subprocess.run(['git', '--git-dir', gitdir, *args], check=True,
                          capture_output=True).stdout.decode('utf-8')


def afan_history(gitdir, commit, path):
    """[(date, {code: name})] for every version of path up to commit, oldest first."""
    lines = git(gitdir, 'log', '--format=%H %cd', '--date=short', commit, '--', path).split('\n')
    out, last = [], None
    for line in reversed([l for l in lines if l.strip()]):
        sha, date = line.split()
        text = git(gitdir, 'show', f'{sha}:{path}')
        if text == last:
            continue
        last = text
        names = {}
        for r in read_csv_text(text):
            code = r.get('ts_code', '')
            if A_CODE.match(code):
                names[code] = a_name(r['name'])
        out.append((date, names, sha))
    return out


def former_names(seq, current):
    """seq: [(date, name)] oldest first; the date each name stopped = date of the first
    snapshot showing the next name. Pure ST/N/C/XD/退 flips of one base name are dropped."""
    events = []
    prev = None
    for date, name in seq:
        if prev is not None and name != prev:
            # a listing-day name (N海尔, C海尔) is a marker, not a former name
            if base_name(prev) != base_name(name) and not LISTING_DAY.match(prev):
                events.append((prev, date))
        prev = name
    latest = {}
    for name, date in events:
        if base_name(name) != base_name(current):  # never the current name or a flip of it
            latest[name] = date
    return sorted(((d, n) for n, d in latest.items()))


US_EN_DROP = {'inc', 'incorporated', 'ltd', 'limited', 'co', 'corp', 'corporation', 'plc',
              'the', 'company', 'sa', 'nv', 'ag', 'llc', 'lp', 'cayman'}


def en_key(s):
    s = nf(s).lower().replace('&', ' and ')
    s = re.sub(r'[^a-z0-9]+', ' ', s)
    toks = [t for t in s.split() if t not in US_EN_DROP]
    return ' '.join(toks)


def us_clean_name(name):
    n = nf(name).strip()
    m = US_TAIL.sub('', n).strip().rstrip(',').strip()
    return m or n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--a-basic', required=True)
    ap.add_argument('--afan-git', required=True)
    ap.add_argument('--afan-commit', default=AFAN_COMMIT)
    ap.add_argument('--hk-basic', required=True)
    ap.add_argument('--hk-em', required=True)
    ap.add_argument('--us-screener', required=True)
    ap.add_argument('--us-nasdaqlisted', required=True)
    ap.add_argument('--us-otherlisted', required=True)
    ap.add_argument('--snapshot', action='append', default=[],
                    help='ID,YYYY-MM-DD,PATH of an extra dated A-share stock_basic export')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', '..',
                                                   'seed-data', 'directory'))
    args = ap.parse_args()
    out_dir = os.path.normpath(args.out)
    rows = {}

    # ---------------- A shares ----------------
    yh = {}
    for r in read_csv(args.a_basic):
        code = pick(r, 'ts_code', '股票代码')
        if A_CODE.match(code):
            yh[code] = r
    log(f'A basic ({SOURCES["a-basic"][0]}): {len(yh)} codes')
    hist = afan_history(args.afan_git, args.afan_commit, AFAN_PATH)
    log(f'AFAN history: {len(hist)} distinct versions, {hist[0][0]} .. {hist[-1][0]}')
    afan_rows = {}
    for r in read_csv_text(git(args.afan_git, 'show', f'{args.afan_commit}:{AFAN_PATH}')):
        if A_CODE.match(r['ts_code']):
            afan_rows[r['ts_code']] = r
    log(f'AFAN head ({SOURCES["afan"][0]}): {len(afan_rows)} codes, '
        f'{sum(1 for r in afan_rows.values() if r["status"] == "D")} delisted')

    snaps = []  # (date, {code: name}, source-id)
    for spec in args.snapshot:
        sid, date, path = spec.split(',', 2)
        names = {}
        for r in read_csv(path):
            code = pick(r, 'ts_code', 'TS代码', '股票代码', 'code')
            if re.fullmatch(r'\d{6}', code):  # old Tushare exports: bare 6-digit codes
                code += {'6': '.SH', '9': '.SH', '0': '.SZ', '3': '.SZ', '2': '.SZ'}.get(code[0], '.XX')
            if A_CODE.match(code):
                names[code] = a_name(pick(r, 'name', '股票名称'))
        snaps.append((date, names, sid))
        log(f'snapshot {sid} {date}: {len(names)} codes')
    seqs = defaultdict(list)  # code -> [(date, name)]
    timeline = [(d, n, 'afan') for d, n, _ in hist]
    timeline += [(SOURCES['a-basic'][1], {c: a_name(pick(r, 'name', '股票名称')) for c, r in yh.items()}, 'a-basic')]
    timeline += [(d, n, sid) for d, n, sid in snaps]
    timeline.sort(key=lambda t: t[0])
    for date, names, sid in timeline:
        for code, name in names.items():
            seqs[code].append((date, name, sid))

    a_codes = set(yh) | set(afan_rows)
    head_date = hist[-1][0]
    for date, names, sid in snaps:
        if date > head_date:
            a_codes |= set(names)  # listed after the AFAN head
    for code in sorted(a_codes):
        seq = seqs[code]
        if not seq:
            continue
        cur_date, cur_name, cur_sid = seq[-1]
        ar = afan_rows.get(code)
        yr = yh.get(code)
        status = 'D' if ar and ar['status'] == 'D' else 'L'
        # source: the primary file (AFAN head, else the A basic file) when it shows the current
        # name; otherwise the first dated snapshot that shows it (a newer rename or listing)
        if ar and a_name(ar['name']) == cur_name:
            source, as_of = SOURCES['afan']
        elif yr and not ar and a_name(pick(yr, '股票名称', 'name')) == cur_name:
            source, as_of = SOURCES['a-basic']
        else:
            i = len(seq) - 1
            while i > 0 and seq[i - 1][1] == cur_name:
                i -= 1
            source, as_of = {'afan': SOURCES['afan'], 'a-basic': SOURCES['a-basic']}.get(
                seq[i][2], (seq[i][2], seq[i][0]))
        fn = former_names([(d, n) for d, n, _ in seq], cur_name)
        rows[code] = {
            'code': code, 'market': a_market(code), 'name': cur_name,
            'fullName': nf(pick(yr, '公司全称', 'fullname')) if yr else '',
            'nameEn': nf(pick(yr, '英文名称', 'enname')) if yr else '',
            'formerNames': '|'.join(f'{n}@{d}' for d, n in fn),
            'status': status, 'source': source, 'asOf': as_of, 'sameIssuer': set(),
        }
    a_n = len(rows)
    log(f'A shares: {a_n} rows ({sum(1 for r in rows.values() if r["status"] == "L")} listed, '
        f'{sum(1 for r in rows.values() if r["status"] == "D")} delisted), '
        f'{sum(len(r["formerNames"].split("|")) for r in rows.values() if r["formerNames"])} former-name events')

    # ---------------- Hong Kong ----------------
    em = {}
    for r in read_csv(args.hk_em):
        em[r['ts_code']] = nf(r['em_name'])
    hk_dropped, hk_em_used = [], 0
    for r in read_csv(args.hk_basic):
        ts = r['ts_code']
        if r.get('list_status', 'L') != 'L' or not re.match(r'^\d{5}\.HK$', ts):
            continue
        name = nf(r['name'])
        if ts.startswith('8') and HK_RMB.search(name):
            hk_dropped.append(ts)
            continue
        if not CJK.search(name) and CJK.search(em.get(ts, '')):
            name = em[ts]
            hk_em_used += 1
        code = f'{int(ts[:5])}.HK'
        rows[code] = {
            'code': code, 'market': 'HKEX', 'name': name, 'fullName': nf(r['fullname']),
            'nameEn': nf(r['enname']), 'formerNames': '', 'status': 'L',
            'source': SOURCES['hk-basic'][0], 'asOf': SOURCES['hk-basic'][1], 'sameIssuer': set(),
        }
    hk_n = len(rows) - a_n
    log(f'HK: {hk_n} rows; dropped {len(hk_dropped)} RMB counters; '
        f'{hk_em_used} Chinese names from East Money where Tushare has an English placeholder')

    # ---------------- US ----------------
    # exchange of each symbol: Nasdaq Trader symbol directory (nasdaqlisted = NASDAQ;
    # otherlisted Exchange column N = NYSE, A = NYSE American, P = NYSE Arca, Z = Cboe BZX)
    exch, by_sec_name = {}, defaultdict(set)
    for spec, is_nasdaq in ((args.us_nasdaqlisted, True), (args.us_otherlisted, False)):
        for line in read_text(spec).splitlines()[1:]:
            p = line.split('|')
            if len(p) < 4 or p[0].startswith('File Creation'):
                continue
            market = 'NASDAQ' if is_nasdaq else {'N': 'NYSE', 'A': 'AMEX', 'P': 'NYSE ARCA',
                                                 'Z': 'CBOE', 'V': 'IEX'}.get(p[2], p[2])
            exch.setdefault(p[0], market)
            by_sec_name[en_key(us_clean_name(p[1].replace(' - ', ' ')))].add(p[0])
    renamed = []
    us_names = {}
    cn_path = os.path.join(out_dir, 'us-chinese-names.csv')
    if os.path.exists(cn_path):
        for r in read_csv(cn_path):
            us_names[r['code']] = nf(r['name'])
    include = set(US_CHINA_INCLUDE)
    us_rows, us_noexch = {}, []
    exch_seen = set()
    for r in read_csv(args.us_screener):
        exch_seen.add(r['Symbol'].strip().upper())
    chinese_us = set()
    for r in read_csv(args.us_screener):
        sym = r['Symbol'].strip().upper()
        if not sym or re.search(r'[./^ ]', sym):
            continue
        name = nf(r['Name'])
        if (US_SKIP.search(name) or r.get('Industry', '') == 'Blank Checks' or sym in US_EXCLUDE
                or ('Depositary Share' in name and not re.search(r'American Deposi', name, re.I))):
            continue  # funds, warrants, units, rights, preferred (domestic depositary shares), notes
        try:
            cap = float(r['Market Cap'] or 0)
        except ValueError:
            cap = 0.0
        chinese = r['Country'] in ('China', 'Hong Kong', 'Macau') or sym in include
        market = exch.get(sym)
        if market is None and (chinese or cap >= US_BIG_CAP):
            # ticker changed between the screener and the symbol files: same issuer name, one symbol
            cand = by_sec_name.get(en_key(us_clean_name(name)), set()) - set(exch_seen)
            if len(cand) == 1:
                new = next(iter(cand))
                renamed.append(f'{sym}->{new}')
                sym, market = new, exch[new]
        big = cap >= US_BIG_CAP and market in ('NASDAQ', 'NYSE')
        if not (chinese or big):
            if cap >= US_BIG_CAP and market is None:
                us_noexch.append(f'{sym}(None)')
            continue
        if market not in ('NASDAQ', 'NYSE', 'AMEX'):
            us_noexch.append(f'{sym}({market})')
            continue
        code = f'{sym}.US'
        if chinese:
            chinese_us.add(code)
        en = us_clean_name(name)
        us_rows[code] = {
            'code': code, 'market': market, 'name': en, 'fullName': '', 'nameEn': en,
            'formerNames': '', 'status': 'L', 'source': SOURCES['us-screener'][0],
            'asOf': SOURCES['us-screener'][1], 'sameIssuer': set(),
        }
    rows.update(us_rows)
    log(f'US: {len(us_rows)} rows; left out (no NASDAQ/NYSE/AMEX listing in the symbol files): '
        f'{" ".join(sorted(us_noexch)) or "none"}; ticker changed (by issuer name in the symbol files): '
        f'{" ".join(renamed) or "none"}')

    # ---------------- same issuer ----------------
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        parent[find(a)] = find(b)

    links = defaultdict(int)
    by_full = defaultdict(lambda: defaultdict(list))
    for r in rows.values():
        if r['fullName'] and r['status'] == 'L':
            kind = 'HK' if r['market'] == 'HKEX' else 'A' if r['market'] in ('SSE', 'SZSE', 'BSE') else None
            if kind:
                by_full[r['fullName'].replace(' ', '')][kind].append(r['code'])
    for k, d in by_full.items():
        if len(d['A']) >= 1 and len(d['HK']) == 1:
            for a in d['A']:
                union(a, d['HK'][0])
                links['A+HK fullName'] += 1
    by_en = defaultdict(lambda: defaultdict(list))
    for r in rows.values():
        if r['nameEn'] and r['status'] == 'L':
            kind = {'HKEX': 'HK', 'NASDAQ': 'US', 'NYSE': 'US', 'AMEX': 'US'}.get(r['market'], 'A')
            by_en[en_key(r['nameEn'])][kind].append(r['code'])
    for k, d in by_en.items():
        if not k or len(d['US']) != 1:
            continue
        us = d['US'][0]
        if len(d['HK']) == 1:
            union(us, d['HK'][0])
            links['HK+US nameEn'] += 1
        if len(d['A']) == 1 and us in chinese_us:
            union(us, d['A'][0])
            links['A+US nameEn'] += 1
    # share classes of one US issuer: identical issuer name in the screener (GOOG/GOOGL, FOX/FOXA)
    by_us_name = defaultdict(list)
    for code, r in us_rows.items():
        by_us_name[r['nameEn']].append(code)
    for codes in by_us_name.values():
        for c in codes[1:]:
            union(codes[0], c)
            links['US share classes'] += 1
    # curated links a public page states where the name joins miss them (same-issuer-extra.csv)
    extra_path = os.path.join(out_dir, 'same-issuer-extra.csv')
    if os.path.exists(extra_path):
        for r in read_csv(extra_path):
            if r['code'] in rows and r['sameAs'] in rows and r.get('source'):
                union(r['code'], r['sameAs'])
                links['curated (same-issuer-extra.csv)'] += 1
            else:
                log(f'same-issuer-extra.csv: skipped {r}')
    groups = defaultdict(list)
    for c in parent:
        groups[find(c)].append(c)
    for g in groups.values():
        for c in g:
            rows[c]['sameIssuer'] = sorted(set(g) - {c})
    log('sameIssuer links: ' + ', '.join(f'{k} {v}' for k, v in sorted(links.items())) +
        f'; {sum(1 for g in groups.values() if len(g) > 1)} issuers with several listings')

    # US Chinese names: curated file first, else the HK listing's name without its tag
    cn_from_hk = 0
    for code, r in us_rows.items():
        if code in us_names:
            r['name'] = us_names[code]
            continue
        hk = [c for c in r['sameIssuer'] if c.endswith('.HK')]
        if len(hk) == 1:
            r['name'] = HK_TAG.sub('', rows[hk[0]]['name'])
            cn_from_hk += 1
    missing = sorted(set(us_names) - set(us_rows))
    log(f'US Chinese names: {sum(1 for c in us_rows if c in us_names)} curated, {cn_from_hk} from HK join'
        + (f'; curated codes not in the US rows: {" ".join(missing)}' if missing else ''))

    # ---------------- names reused by another company ----------------
    # Compared as the graph compares company names (TextFolding.companyKey): NFKC, lower
    # case, ST-type prefixes and market suffixes (-W, -SW, -U, -UW, -B ...) off.
    def graph_key(name):
        k = base_name(name).lower()
        return re.sub(r'\s?-\s?(?:sw|w|s|b|p|u|uw|uwd|wd|d)$', '', k).strip()

    # A short name an exchange gave a second company after the first dropped it (东风股份,
    # 安德利) is that second company's now: the graph refuses a former name that is another
    # company's current one (issue 27), so it stays out of the first's history.
    current = defaultdict(set)
    for code, r in rows.items():
        current[graph_key(r['name'])].add(code)
    dropped = []
    for code, r in rows.items():
        if not r['formerNames']:
            continue
        kept = []
        for item in r['formerNames'].split('|'):
            name = item.rsplit('@', 1)[0]
            holders = current.get(graph_key(name), set()) - {code}
            if graph_key(name) == graph_key(r['name']):
                # A market tag put on or taken off (百济神州-U -> 百济神州) is no rename.
                continue
            if holders:
                dropped.append(f'{code} {name} (now {" ".join(sorted(holders))})')
            else:
                kept.append(item)
        r['formerNames'] = '|'.join(kept)
    log(f'former names now another company\'s current name, left out: {len(dropped)}'
        + (f': {"; ".join(dropped)}' if dropped else ''))

    # ---------------- write ----------------
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, 'companies.csv')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\r\n')
        w.writerow(HEADER)
        for code in sorted(rows):
            r = dict(rows[code])
            r['sameIssuer'] = '|'.join(sorted(r['sameIssuer']))
            w.writerow([r[h] for h in HEADER])
    by_market = defaultdict(int)
    for r in rows.values():
        by_market[(r['market'], r['status'])] += 1
    log(f'wrote {path}: {len(rows)} rows')
    for (m, s), n in sorted(by_market.items()):
        log(f'  {m:6} {s} {n}')
    if len(rows) >= 10000:
        log('WARNING: 10,000 rows or more (the entity schema caps arrays at 10,000)')

    # short forms: every code must exist
    sf = os.path.join(out_dir, 'short-forms.csv')
    if os.path.exists(sf):
        bad = [r for r in read_csv(sf) if r['code'] not in rows or not r.get('source')]
        seen = defaultdict(set)
        for r in read_csv(sf):
            seen[r['alias']].add(r['code'])
        dup = {a: c for a, c in seen.items() if len(c) > 1}
        log(f'short-forms.csv: {sum(1 for _ in read_csv(sf))} rows; bad code/source: '
            f'{[(r["alias"], r["code"]) for r in bad] or "none"}; aliases with several codes: {dup or "none"}')
        if bad:
            sys.exit(1)

    # sanity checks
    log('checks:')
    for code in ['002624.SZ', '300413.SZ', '300459.SZ', '002739.SZ', '601811.SH', '811.HK',
                 '9626.HK', 'BILI.US', '1024.HK', '700.HK', '3690.HK', '1357.HK', 'NVDA.US',
                 '603721.SH', '301110.SZ']:
        r = rows.get(code)
        if not r:
            log(f'  {code}: MISSING')
            continue
        log(f'  {code} {r["market"]} {r["name"]} | former={r["formerNames"] or "-"} | '
            f'sameIssuer={"|".join(r["sameIssuer"]) or "-"} | {r["status"]} {r["asOf"]}')


if __name__ == '__main__':
    main()
