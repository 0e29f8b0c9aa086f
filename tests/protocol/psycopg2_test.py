"""psycopg2_test.py — a Python driver (psycopg2, which wraps libpq) against the server.

Run by psycopg2.sh with HOST, PORT, USER, DB and FAKE in the environment.
"""
import io
import os
import sys
import unittest

import psycopg2
import psycopg2.errors
import psycopg2.extensions

HOST, PORT = os.environ["HOST"], os.environ["PORT"]
USER, DB, FAKE = os.environ["USER_"], os.environ["DB"], os.environ["FAKE"] == "1"


def connect(**kw):
    args = dict(host=HOST, port=PORT, user=USER, dbname=DB)
    args.update(kw)
    return psycopg2.connect(**args)


class Driver(unittest.TestCase):
    def setUp(self):
        self.conn = connect(application_name="psycopg2-test")

    def tearDown(self):
        self.conn.close()

    def test_server_parameters(self):
        self.assertGreaterEqual(self.conn.server_version, 150000)
        self.assertEqual(self.conn.encoding, "UTF8")
        self.assertEqual(self.conn.get_parameter_status("integer_datetimes"), "on")
        self.assertEqual(self.conn.get_parameter_status("application_name"), "psycopg2-test")

    def test_query_with_parameters(self):
        cur = self.conn.cursor()
        cur.execute("SELECT %s::int4 AS n, %s AS s, %s AS nothing", (42, "it's", None))
        self.assertEqual(cur.fetchone(), (42, "it's", None))
        self.assertEqual([d.name for d in cur.description], ["n", "s", "nothing"])
        self.assertEqual(cur.description[0].type_code, 23)

    def test_many_rows(self):
        cur = self.conn.cursor()
        cur.execute("SELECT * FROM generate_series(1, 1000)")
        rows = cur.fetchall()
        self.assertEqual(len(rows), 1000)
        self.assertEqual(sum(r[0] for r in rows), 500500)
        self.assertEqual(cur.rowcount, 1000)

    def test_transactions(self):
        cur = self.conn.cursor()
        cur.execute("SELECT 1")
        self.assertEqual(self.conn.get_transaction_status(),
                         psycopg2.extensions.TRANSACTION_STATUS_INTRANS)
        self.conn.commit()
        self.assertEqual(self.conn.get_transaction_status(),
                         psycopg2.extensions.TRANSACTION_STATUS_IDLE)

    def test_errors_carry_sqlstate_and_recover_after_rollback(self):
        cur = self.conn.cursor()
        with self.assertRaises(psycopg2.errors.DivisionByZero) as ctx:
            cur.execute("SELECT 1/0")
        self.assertEqual(ctx.exception.pgcode, "22012")
        with self.assertRaises(psycopg2.errors.InFailedSqlTransaction):
            cur.execute("SELECT 1")
        self.conn.rollback()
        cur.execute("SELECT 2")
        self.assertEqual(cur.fetchone(), (2,))
        with self.assertRaises(psycopg2.errors.UndefinedColumn) as ctx:
            cur.execute("SELECT nosuchcol")
        self.assertEqual(ctx.exception.diag.statement_position, "8")
        self.conn.rollback()

    def test_autocommit_and_notices(self):
        self.conn.autocommit = True
        cur = self.conn.cursor()
        cur.execute("COMMIT")
        self.assertIn("there is no transaction in progress", "".join(self.conn.notices))

    def test_copy_both_ways(self):
        cur = self.conn.cursor()
        cur.execute("CREATE TEMP TABLE pc (a int, b text)")
        cur.copy_expert("COPY pc FROM STDIN", io.StringIO("1\tone\n2\ttwo\n"))
        out = io.StringIO()
        cur.copy_expert("COPY pc TO STDOUT", out)
        self.assertEqual(out.getvalue(), "1\tone\n2\ttwo\n")
        cur.execute("SELECT count(*) FROM pc")
        self.assertEqual(cur.fetchone(), (2,))

    def test_executemany(self):
        cur = self.conn.cursor()
        cur.execute("CREATE TEMP TABLE em (a int, b text)")
        cur.executemany("INSERT INTO em VALUES (%s, %s)", [(1, "a"), (2, "b"), (3, "c")])
        cur.execute("SELECT * FROM em")
        self.assertEqual(sorted(cur.fetchall()), [(1, "a"), (2, "b"), (3, "c")])

    @unittest.skipUnless(FAKE, "needs the test double's roles")
    def test_scram_login(self):
        connect(user="alice", password="secret").close()
        with self.assertRaises(psycopg2.OperationalError) as ctx:
            connect(user="alice", password="wrong")
        self.assertIn("password authentication failed", str(ctx.exception))


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
