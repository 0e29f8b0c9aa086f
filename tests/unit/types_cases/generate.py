#!/usr/bin/python3
"""Run the *.cases files of this folder through a PostgreSQL 15 server and write the
matching *.expected files that tests/unit/check_types*.c compare against.

Usage: generate.py [--dsn DSN] [file.cases ...]
The DSN defaults to $PGREF_DSN or "host=/tmp/pgref port=54329 user=postgres dbname=postgres".
Start a throwaway server for it (initdb refuses root: run it as user postgres):
  initdb -D /tmp/pgref/data -U postgres --no-locale -E UTF8
  pg_ctl -D /tmp/pgref/data -o "-p 54329 -k /tmp/pgref -c listen_addresses=" start

Case lines (tab-separated; '#' starts a comment line):
  set   NAME VALUE                 SET a setting (timezone, datestyle, intervalstyle,
                                   extra_float_digits) for the following lines
  in    TYPE TEXT                  'TEXT'::TYPE, printed by TYPE's output function
  cast  FROMTYPE TEXT TOTYPE       CAST('TEXT'::FROMTYPE AS TOTYPE)
  op    NAME LTYPE LVAL RTYPE RVAL ('LVAL'::LTYPE) NAME ('RVAL'::RTYPE); LTYPE '-' = prefix
  fn    NAME [TYPE VAL]...         NAME('VAL'::TYPE, ...)
  srf   NAME [TYPE VAL]...         every row of a set-returning NAME(...), joined by \x1e
  agg   NAME TYPE VAL...           NAME(x) over rows VAL... of TYPE
  bin   TYPE TEXT                  the binary send format of 'TEXT'::TYPE, in hex
A TYPE of "unknown" writes an untyped literal; a VAL of \\N is NULL.

Expected lines: the case line, a tab, "=>", a tab, then either
  OK <tab> RESULTTYPE <tab> VALUE        (VALUE \\N for NULL; \\, tab, newline escaped)
  ERR <tab> SQLSTATE <tab> MESSAGE <tab> DETAIL <tab> HINT
"""
import glob
import os
import sys

import psycopg2
import psycopg2.extensions as ext


def lit(typ, val):
    if val == '\\N':
        return 'NULL' if typ == 'unknown' else 'NULL::' + typ
    q = "'" + val.replace("'", "''") + "'"
    return q if typ == 'unknown' else q + '::' + typ


def esc(s):
    if s is None:
        return '\\N'
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def build_sql(f):
    k = f[0]
    if k == 'in':
        return lit(f[1], f[2]), None
    if k == 'cast':
        return 'CAST(%s AS %s)' % (lit(f[1], f[2]), f[3]), None
    if k == 'op':
        if f[2] == '-':
            return '%s (%s)' % (f[1], lit(f[4], f[5])), None
        return '(%s) %s (%s)' % (lit(f[2], f[3]), f[1], lit(f[4], f[5])), None
    if k in ('fn', 'srf'):
        args = [lit(f[i], f[i + 1]) for i in range(2, len(f) - 1, 2)]
        # qualified, so that names that are SQL keywords (extract, position, numeric...)
        # are plain function calls
        return 'pg_catalog.%s(%s)' % (f[1], ', '.join(args)), None
    if k == 'agg':
        rows = ', '.join('(%s)' % lit(f[2], v) for v in f[3:])
        return 'pg_catalog.%s(x)' % f[1], 'FROM (VALUES %s) t(x)' % rows
    raise ValueError('unknown case kind ' + k)


def run_file(conn, path):
    out = []
    cur = conn.cursor()
    cur.execute('RESET ALL')
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            out.append(line)
            continue
        f = line.split('\t')
        if f[0] == 'set':
            cur.execute('SET %s = %%s' % f[1], (f[2],))
            out.append(line)
            continue
        try:
            if f[0] == 'bin':
                cur.execute("SELECT typsend::text FROM pg_type WHERE oid = %s::regtype", (f[1],))
                fn = cur.fetchone()[0]
                cur.execute("SELECT encode(%s(%s), 'hex')" % (fn, lit(f[1], f[2])))
                res = 'OK\tbytea\t' + esc(cur.fetchone()[0])
            else:
                expr, tail = build_sql(f)
                cur.execute('SELECT pg_typeof(%s)::text, (%s) %s' % (expr, expr, tail or ''))
                rows = cur.fetchall()
                if f[0] == 'agg' and len(rows) != 1:
                    raise ValueError('aggregate case returned %d rows' % len(rows))
                if f[0] == 'srf':
                    if not rows:
                        res = 'OK\t\t(0 rows)'
                    else:
                        res = 'OK\t%s\t%s' % (rows[0][0], '\x1e'.join(esc(r[1]) for r in rows))
                else:
                    typ, val = rows[0]
                    res = 'OK\t%s\t%s' % (typ, esc(val))
        except psycopg2.Error as e:
            d = e.diag
            # the cases call pg_catalog.f(...) to avoid keyword syntax; PostgreSQL then names
            # the function qualified in its messages, which an unqualified call would not
            msg = d.message_primary.replace('pg_catalog.', '') if d.message_primary else None
            res = 'ERR\t%s\t%s\t%s\t%s' % (e.pgcode, esc(msg), esc(d.message_detail),
                                          esc(d.message_hint))
        out.append(line + '\t=>\t' + res)
    cur.close()
    target = path[:-len('.cases')] + '.expected'
    with open(target, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out) + '\n')
    print('%s: %d lines' % (target, len(out)))


def main():
    args = sys.argv[1:]
    dsn = os.environ.get('PGREF_DSN', 'host=/tmp/pgref port=54329 user=postgres dbname=postgres')
    if args[:1] == ['--dsn']:
        dsn, args = args[1], args[2:]
    files = args or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '*.cases')))
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    # every value comes back as the server's text, exactly as its output function printed it
    cur = conn.cursor()
    cur.execute('SELECT array_agg(oid::int) FROM pg_type')
    oids = tuple(cur.fetchone()[0])
    raw = ext.new_type(oids, 'RAWTEXT', lambda v, c: v)
    ext.register_type(raw, conn)
    cur.execute("SELECT version()")
    if 'PostgreSQL 15' not in cur.fetchone()[0]:
        sys.exit('the reference server must be PostgreSQL 15')
    for p in files:
        run_file(conn, p)


if __name__ == '__main__':
    main()
