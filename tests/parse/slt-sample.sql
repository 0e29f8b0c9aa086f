-- A sample of the sqllogictest corpus (../shared/slt): statements and queries of records
-- that apply to PostgreSQL, about 40 from every directory and every test/evidence file.
-- The unit test parses this batch and round-trips every statement;
-- tests/parse/parse-corpus.sh does the same for the whole corpus.

CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER, e INTEGER);
SELECT c-d,
       b,
       d,
       a+b*2+c*3+d*4+e*5,
       a+b*2,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b)
  FROM t1
 WHERE c>d
 ORDER BY 4,3,5,6,2,1;
SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END,
       d,
       a+b*2+c*3
  FROM t1
 WHERE b>c
    OR c BETWEEN b-2 AND d+2
    OR d NOT BETWEEN 110 AND 150
 ORDER BY 1,3,2;
SELECT b,
       b-c,
       a+b*2+c*3,
       abs(a),
       c-d,
       a,
       d-e
  FROM t1
 WHERE b>c
 ORDER BY 4,6,1,3,7,2,5;
SELECT d
  FROM t1
 ORDER BY 1;
SELECT a+b*2+c*3+d*4+e*5,
       a,
       (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       d,
       abs(b-c)
  FROM t1
 WHERE d NOT BETWEEN 110 AND 150
   AND (e>a AND e<b)
 ORDER BY 1,3,5,4,2;
SELECT (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       d-e,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       b,
       a+b*2+c*3
  FROM t1
 WHERE (e>c OR e<d)
 ORDER BY 3,5,4,6,2,1;
SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END,
       c-d,
       e
  FROM t1
 WHERE (e>a AND e<b)
 ORDER BY 2,3,1;
SELECT a+b*2+c*3,
       a+b*2+c*3+d*4+e*5,
       e,
       a-b,
       CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END
  FROM t1
 WHERE c>d;
SELECT c
  FROM t1
 WHERE (e>c OR e<d)
    OR a>b;
SELECT (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       d-e,
       b-c,
       a,
       c,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END
  FROM t1;
SELECT c-d,
       abs(b-c),
       b-c,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       d
  FROM t1
 WHERE b>c
    OR c>d
    OR d NOT BETWEEN 110 AND 150;
SELECT CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       d-e,
       (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d)
  FROM t1
 WHERE d>e;
SELECT (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       c,
       c-d,
       a+b*2+c*3,
       abs(b-c)
  FROM t1
 WHERE (e>a AND e<b);
SELECT (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       c,
       a,
       a+b*2+c*3+d*4+e*5,
       CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END
  FROM t1
 WHERE (e>c OR e<d)
   AND a IS NULL;
SELECT abs(a),
       d,
       a+b*2+c*3,
       (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       c
  FROM t1
 WHERE a IS NULL
   AND c>d
   AND a>b;
SELECT a-b,
       d,
       c-d,
       a+b*2+c*3+d*4,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END
  FROM t1
 WHERE b>c
    OR (e>c OR e<d)
 ORDER BY 5,1,3;
SELECT b-c
  FROM t1
 WHERE EXISTS(SELECT 1 FROM t1 AS x WHERE x.b<t1.b);
SELECT CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       a+b*2+c*3,
       a+b*2+c*3+d*4,
       c-d
  FROM t1
 WHERE (a>b-2 AND a<b+2)
   AND EXISTS(SELECT 1 FROM t1 AS x WHERE x.b<t1.b)
 ORDER BY 3,1,4,2;
SELECT (a+b+c+d+e)/5,
       a+b*2+c*3+d*4,
       a,
       e,
       a+b*2,
       c,
       (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d)
  FROM t1
 WHERE c BETWEEN b-2 AND d+2
    OR (a>b-2 AND a<b+2);
SELECT (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       abs(a)
  FROM t1
 WHERE c BETWEEN b-2 AND d+2
 ORDER BY 1,2;
SELECT d,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       d-e
  FROM t1
 WHERE b>c;
SELECT c,
       (a+b+c+d+e)/5,
       e,
       d-e,
       a+b*2,
       b-c,
       (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d)
  FROM t1
 WHERE d>e
   AND (e>a AND e<b)
   AND c>d
 ORDER BY 5,1,6,2,3;
SELECT (a+b+c+d+e)/5,
       c-d,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       b
  FROM t1
 WHERE c>d
   AND (a>b-2 AND a<b+2);
SELECT a+b*2+c*3+d*4,
       c-d,
       a+b*2+c*3,
       d,
       d-e,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       abs(b-c)
  FROM t1
 ORDER BY 5,4,7,6,1,2,3;
SELECT d,
       c,
       a+b*2+c*3+d*4
  FROM t1
 WHERE d NOT BETWEEN 110 AND 150
    OR c>d;
SELECT c-d,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       a+b*2+c*3+d*4,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       a-b,
       d-e
  FROM t1
 WHERE (e>a AND e<b)
 ORDER BY 2,6,1,7,4,5;
SELECT b,
       b-c,
       a+b*2+c*3+d*4+e*5
  FROM t1
 WHERE d>e
   AND (a>b-2 AND a<b+2)
   AND (c<=d-2 OR c>=d+2);
SELECT a,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END
  FROM t1
 ORDER BY 2,1;
SELECT (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       a+b*2,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       abs(b-c)
  FROM t1
 WHERE (a>b-2 AND a<b+2);
SELECT b-c,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       a,
       d-e,
       a+b*2+c*3
  FROM t1
 WHERE (a>b-2 AND a<b+2)
 ORDER BY 3,5,2,4;
SELECT CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       d,
       a+b*2+c*3+d*4+e*5,
       a,
       b-c,
       c-d,
       abs(a)
  FROM t1
 WHERE c>d
    OR d>e
    OR (a>b-2 AND a<b+2);
SELECT CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END,
       a+b*2+c*3+d*4+e*5,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b)
  FROM t1
 WHERE b>c
 ORDER BY 1,3;
SELECT (SELECT count(*) FROM t1 AS x WHERE x.c>t1.c AND x.d<t1.d),
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       a+b*2+c*3+d*4,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       d
  FROM t1
 WHERE EXISTS(SELECT 1 FROM t1 AS x WHERE x.b<t1.b)
   AND a>b;
SELECT b-c,
       d-e,
       CASE a+1 WHEN b THEN 111 WHEN c THEN 222
        WHEN d THEN 333  WHEN e THEN 444 ELSE 555 END,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       c-d,
       a+b*2,
       d
  FROM t1
 WHERE b>c
 ORDER BY 4,5,2;
SELECT CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       b-c,
       a+b*2+c*3+d*4,
       a,
       abs(b-c)
  FROM t1;
SELECT abs(a),
       d-e
  FROM t1
 WHERE b>c
   AND (a>b-2 AND a<b+2)
 ORDER BY 1,2;
SELECT a+b*2+c*3+d*4,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END,
       CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END,
       (SELECT count(*) FROM t1 AS x WHERE x.b<t1.b),
       c-d
  FROM t1
 WHERE d NOT BETWEEN 110 AND 150
   AND d>e;
SELECT a+b*2+c*3+d*4+e*5,
       a+b*2+c*3,
       c-d
  FROM t1
 WHERE c>d
   AND (a>b-2 AND a<b+2)
 ORDER BY 3,1,2;
SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END,
       a+b*2+c*3+d*4,
       a+b*2+c*3,
       d-e,
       CASE WHEN a<b-3 THEN 111 WHEN a<=b THEN 222
        WHEN a<b+3 THEN 333 ELSE 444 END
  FROM t1
 WHERE a>b
   AND (e>a AND e<b)
   AND (a>b-2 AND a<b+2);
SELECT 1 IN (2);
SELECT 1 NOT IN (2,3,4,5,6,7,8,9);
SELECT 1 NOT IN (SELECT * FROM t1);
CREATE TABLE t2(y INTEGER PRIMARY KEY);
SELECT null IN (SELECT * FROM t2);
SELECT 1 IN (SELECT * FROM t3);
SELECT null NOT IN (SELECT * FROM t3);
SELECT null IN (SELECT x+y FROM t1,t2);
SELECT 1.23 NOT IN (SELECT * FROM t1);
SELECT x'303132' IN (SELECT * FROM t1);
SELECT 1 NOT IN (2,3,4);
CREATE TABLE t4(a INTEGER UNIQUE);
INSERT INTO t4 VALUES(2);
INSERT INTO t5 SELECT * FROM t4;
CREATE TABLE t6n(c INTEGER);
INSERT INTO t6n SELECT * FROM t4n;
INSERT INTO t7 VALUES('b');
INSERT INTO t8 SELECT * FROM t7;
INSERT INTO t7n SELECT * FROM t7;
SELECT 1 IN (SELECT * FROM t4);
SELECT 1 NOT IN (SELECT * FROM t5);
SELECT 'a' IN (SELECT * FROM t7);
SELECT 'a' NOT IN (SELECT * FROM t8);
SELECT 4 IN (2,3,4);
SELECT 'c' NOT IN ('b','c','d');
SELECT 2 IN (SELECT * FROM t4);
SELECT 2 NOT IN (SELECT * FROM t4n);
SELECT 2 IN (SELECT * FROM t6);
SELECT 2 NOT IN (SELECT * FROM t6n);
SELECT 'c' IN (SELECT * FROM t7n);
SELECT 'c' NOT IN (SELECT * FROM t8);
SELECT 1 IN (2,3,4,null);
SELECT 'a' NOT IN (null,'b','c','d');
SELECT 6 IN (SELECT * FROM t6n);
SELECT 'e' NOT IN (SELECT * FROM t7n);
SELECT null IN (2,3,4,null);
SELECT null NOT IN (2,3,4);
SELECT null IN ('b','c',null,'d');
SELECT null IN (2,3,4);
SELECT null NOT IN (SELECT * FROM t4n);
CREATE TABLE t1( x INTEGER, y TEXT );
INSERT INTO t1 VALUES(1,'true');
INSERT INTO t1 VALUES(0,'false');
INSERT INTO t1 VALUES(NULL,'NULL');
SELECT 1 FROM t1 WHERE 1 IN (2);
SELECT 1 FROM t1 WHERE 1.0 IN (2.0);
SELECT 1 FROM t1 WHERE '1' IN ('2');
SELECT 1 FROM t1 WHERE 1 NOT IN (2);
SELECT 1 FROM t1 WHERE 1.0 NOT IN (2.0);
SELECT 1 FROM t1 WHERE '1' NOT IN ('2');
SELECT 1 FROM t1 WHERE 1 IN ();
SELECT 1 FROM t1 WHERE 1.0 IN ();
SELECT 1 FROM t1 WHERE '1' IN ();
SELECT 1 FROM t1 WHERE NULL IN ();
SELECT 1 FROM t1 WHERE 1 NOT IN ();
SELECT 1 FROM t1 WHERE 1.0 NOT IN ();
SELECT 1 FROM t1 WHERE '1' NOT IN ();
SELECT 1 FROM t1 WHERE NULL NOT IN ();
SELECT 1 FROM t1 WHERE 1 IN ( NULL, 1 );
SELECT 1 FROM t1 WHERE 1.0 IN ( NULL, 1.0 );
SELECT 1 FROM t1 WHERE '1' IN ( NULL, '1' );
SELECT 1 FROM t1 WHERE 1 NOT IN ( NULL, 1 );
SELECT 1 FROM t1 WHERE 1.0 NOT IN ( NULL, 1.0 );
SELECT 1 FROM t1 WHERE '1' NOT IN ( NULL, '1' );
SELECT 1 FROM t1 WHERE 1 IN ( 1 );
SELECT 1 FROM t1 WHERE 1.0 IN ( 1.0 );
SELECT 1 FROM t1 WHERE '1' IN ( '1' );
SELECT 1 FROM t1 WHERE 1 NOT IN ( 1 );
SELECT 1 FROM t1 WHERE 1.0 NOT IN ( 1.0 );
SELECT 1 FROM t1 WHERE '1' NOT IN ( '1' );
SELECT 1 FROM t1 WHERE 1 IN ( NULL, 2 );
SELECT 1 FROM t1 WHERE 1.0 IN ( NULL, 2.0 );
SELECT 1 FROM t1 WHERE '1' IN ( NULL, '2' );
SELECT 1 FROM t1 WHERE 1 NOT IN ( NULL, 2 );
SELECT 1 FROM t1 WHERE 1.0 NOT IN ( NULL, 2.0 );
SELECT 1 FROM t1 WHERE '1' NOT IN ( NULL, '2' );
SELECT 1 FROM t1 WHERE NULL IN ( 1 );
SELECT 1 FROM t1 WHERE NULL IN ( 1.0 );
SELECT 1 FROM t1 WHERE NULL IN ( '1' );
SELECT 1 FROM t1 WHERE NULL NOT IN ( 1 );
CREATE TABLE t1( x INTEGER, y VARCHAR(8) );
CREATE INDEX t1i1 ON t1(x);
CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r2 DELETE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r3 INSERT ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r4 UPDATE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r5 AFTER DELETE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r6 AFTER INSERT ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r7 AFTER UPDATE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r8 BEFORE DELETE ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r9 BEFORE INSERT ON t1 BEGIN SELECT 1; END;
CREATE TRIGGER t1r10 BEFORE UPDATE ON t1 BEGIN SELECT 1; END;
DROP TRIGGER t1r1;
DROP TRIGGER t1r2;
DROP TRIGGER t1r3;
DROP TRIGGER t1r4;
DROP TRIGGER t1r5;
DROP TRIGGER t1r6;
DROP TRIGGER t1r7;
DROP TRIGGER t1r8;
DROP TRIGGER t1r9;
DROP TRIGGER t1r10;
CREATE VIEW view1 AS SELECT x FROM t1 WHERE x>0;
SELECT x FROM t1 WHERE x>0;
SELECT x FROM view1;
DELETE FROM view1 WHERE x>0;
INSERT INTO view1 VALUES(2,'unknown');
UPDATE view1 SET x=2;
DROP VIEW view1;
DROP VIEW viewX;
DROP INDEX t1i1;
DROP INDEX tXiX;
DROP TABLE t1;
DROP TABLE tX;
DROP TABLE IF EXISTS t1;
DROP TRIGGER tXrX;
CREATE VIEW view2 AS SELECT x FROM t1 WHERE x=0;
SELECT x FROM view2;
DROP VIEW view2;
SELECT x FROM t1 WHERE x=0;
REINDEX t1i1;
REINDEX tXiX;
CREATE TABLE t1( x INTEGER PRIMARY KEY, y VARCHAR(16) );
INSERT INTO t1 VALUES(1, 'true');
INSERT INTO t1 VALUES(0, 'false');
SELECT x, y FROM t1 WHERE x=2;
INSERT INTO t1 VALUES(2, 'insert');
INSERT OR REPLACE INTO t1 VALUES(2, 'insert or replace');
REPLACE INTO t1 VALUES(2, 'replace');
INSERT OR REPLACE INTO t1 VALUES(3, 'insert or replace (new)');
SELECT x, y FROM t1 WHERE x=3;
REPLACE INTO t1 VALUES(4, 'replace (new)');
SELECT x, y FROM t1 WHERE x=4;
UPDATE t1 SET x=1 WHERE x>0;
UPDATE t1 SET x=2 WHERE x>0;
UPDATE t1 SET y='true' WHERE x>0;
UPDATE t1 SET y='unknown' WHERE x>0;
UPDATE t1 SET z='foo';
UPDATE t1 SET z='foo' WHERE x>0;
UPDATE t1 SET x=3;
SELECT count(*) FROM t1 WHERE x=3;
UPDATE t1 SET x=1 WHERE y='unknown';
SELECT count(*) FROM t1 WHERE x=1;
UPDATE t1 SET x=1 WHERE y='foo';
UPDATE t1 SET x=3+1;
SELECT count(*) FROM t1 WHERE x=4;
UPDATE t1 SET x=3, x=4, x=5;
SELECT count(*) FROM t1 WHERE x=5;
SELECT count(*) FROM t1 WHERE y='unknown';
UPDATE t1 SET x=2;
UPDATE t1 SET x=x+2;
CREATE TABLE tab0(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT, col3 INTEGER, col4 FLOAT, col5 TEXT);
SELECT pk FROM tab4 WHERE ( col3 >= 23 AND col3 <= 58);
SELECT pk FROM tab4 WHERE (col1 >= 55.74) OR ( col3 >= 13 AND col3 <= 9) OR col0 <= 21 AND col3 < 85 AND ( col1 >= 46.51 AND col1 <= 13.32) AND (col0 > 84) OR (((col0 < 13) OR col1 > 51.85)) OR (((col3 <= 65 OR (col0 >= 40 AND col3 < 26 OR col4 > 92.67) AND (col4 IS NULL AND (col0 <= 45 AND (col0 <= 99)) OR ((col1 = 19.96 AND col3 < 42 OR (col3 > 20) AND col4 < 43.98) AND col3 = 74 OR col0 < 24 AND col0 > 38 OR col0 IS NULL) AND col0 < 37 AND col4 IN (70.99,31.38,68.1,25.66))) AND ((( col3 >= 31 AND col3 <= 68)))));
SELECT pk FROM tab4 WHERE (( col0 >= 51 AND col0 <= 73) AND (col3 > 83 AND col1 = 84.76 AND (((col3 < 45))) OR (((col0 = 35))) AND col3 > 38));
SELECT pk FROM tab4 WHERE (( col1 >= 38.46 AND col1 <= 95.45) OR col4 > 37.61) AND (col4 < 50.84) OR (col1 IS NULL OR col0 < 26) OR col3 < 32;
SELECT pk FROM tab4 WHERE ( col0 >= 51 AND col0 <= 81);
SELECT pk FROM tab4 WHERE col1 > 95.19 OR col1 < 79.10 OR (col3 < 97 OR (col0 >= 67 AND col3 > 86 OR col3 <= 26 AND ((col0 > 97 AND col3 IN (83) AND ( col1 >= 57.22 AND col1 <= 76.92) AND col3 <= 21 AND col3 > 31))) OR col0 IS NULL AND (col0 < 90));
SELECT pk FROM tab4 WHERE ( col0 >= 69 AND col0 <= 29);
SELECT pk FROM tab4 WHERE (col4 > 75.89) AND ((col0 > 75) OR col3 <= 60) AND (col3 <= 73) OR ((col4 >= 75.57 OR col1 < 59.17)) OR ((( col0 >= 9 AND col0 <= 82))) OR col0 IS NULL AND ( col3 >= 97 AND col3 <= 83);
SELECT pk FROM tab4 WHERE col0 > 43 AND (col3 > 46 AND col0 >= 3) AND (( col1 >= 50.65 AND col1 <= 86.22));
SELECT pk FROM tab4 WHERE ((col0 >= 84)) AND ( col4 >= 97.7 AND col4 <= 1.83) OR ((col0 = 54 OR col1 <= 43.21) OR (((col0 <= 41) AND col4 > 68.18 OR col0 > 2) OR col3 > 45 OR col0 >= 5) OR (col3 > 6)) AND col0 >= 32 AND col3 < 77 OR col1 < 93.71 OR col3 < 56 AND (((((col0 >= 44)) OR (col4 >= 48.26 AND col4 < 53.33) OR col4 > 11.55 AND col0 <= 60 AND (col4 >= 3.32) AND (col1 > 25.73 AND col3 <= 20 OR ((col0 < 25)) AND col4 < 38.93))) AND col0 > 32 OR col1 >= 87.13 OR col4 > 97.40 OR col3 = 9) OR col3 IS NULL;
SELECT pk FROM tab4 WHERE (col3 > 1 AND ((col3 >= 11) AND ((((col4 IN (38.62,34.56) OR col0 < 30 AND col1 <= 13.76 AND ((col0 >= 7) AND (col0 > 39) OR (col3 < 44) AND col0 <= 75) AND col1 >= 34.67 AND col0 IS NULL)) AND ((col1 <= 69.95 OR ( col3 >= 33 AND col3 <= 11)))))) OR (((((col0 >= 26 AND col0 < 20)) AND col3 = 23)) OR col0 < 78) AND col4 = 15.86 AND (col3 > 40) OR (((col3 > 6))));
SELECT pk FROM tab4 WHERE (col0 >= 66) OR (( col0 >= 37 AND col0 <= 87)) OR ((col0 >= 27));
SELECT pk FROM tab4 WHERE (col3 <= 31 OR col0 = 22 OR col1 <= 4.76 AND (( col1 >= 44.39 AND col1 <= 56.55) AND col3 < 16) OR (col4 <= 51.84) OR (col3 <= 24) OR (col1 < 86.75) AND (col1 IN (99.25,37.12,46.36,71.6,72.43)) AND col0 <= 29) AND (col4 > 89.63) AND col0 = 44 OR col3 < 47 AND col0 >= 44 AND (col3 < 48 AND col1 <= 32.76 AND ((col0 <= 58 OR (col4 > 69.44)) AND col3 < 84 AND col0 > 61 OR col3 > 22) OR col1 < 9.65 AND col0 IS NULL OR col1 > 61.58 OR col4 > 93.23 AND col4 < 94.56 AND col1 <= 80.72 AND ((col3 = 64)) OR col3 > 68 AND col1 = 88.14 OR col4 <= 67.51 AND col3 < 62 AND col0 < 81 OR (col0 = 78) OR col1 < 78.88 AND ((col0 IN (76,70,84,19,32))) OR (((col3 >= 43) OR col3 = 33 OR col3 < 30 AND col1 >= 65.92))) AND col4 IS NULL AND (col0 >= 18) OR col3 > 14 AND col0 < 54 OR col1 > 31.34;
SELECT pk FROM tab4 WHERE col3 = 59 AND ((col4 = 69.32 AND col0 <= 12 OR ( col4 >= 36.21 AND col4 <= 37.11)));
SELECT pk FROM tab4 WHERE (col1 < 91.72 AND col4 < 93.54 OR col0 >= 61 OR col3 >= 40 AND col4 < 29.65 AND ((((((col4 >= 84.38))) OR col0 <= 77 AND ( col4 >= 69.96 AND col4 <= 82.53) OR col4 <= 63.48))) OR col3 > 61) AND col0 <= 56 AND col3 > 22 AND col4 < 18.27;
SELECT pk FROM tab4 WHERE ((col0 > 49 AND col3 = 78 AND col0 < 71) OR ( col1 >= 65.54 AND col1 <= 56.11) AND (col0 > 78 AND (col4 < 75.62 OR (((((((col0 >= 27 AND (col4 > 1.17) AND ((col3 >= 39) AND ((col4 <= 97.62)) AND ((col4 <= 65.94)) OR col4 >= 62.56 AND col3 > 85 AND col4 > 9.24 AND (((col0 = 7)))) OR (col3 >= 54) OR col4 > 77.50)))) OR col3 >= 26))))));
SELECT pk FROM tab4 WHERE (col0 >= 27 AND col3 > 56) AND ((col3 IN (SELECT col0 FROM tab4 WHERE col4 IN (SELECT col1 FROM tab4 WHERE col0 > 5)) OR col0 > 37) AND (col1 >= 21.70 AND col3 < 91 OR col1 <= 75.40 AND (col0 >= 78) AND col0 >= 67 OR (((col1 >= 88.22 OR col3 IN (44,30,92,25,97,33) OR ((col4 < 35.8) AND col4 IS NULL) AND col1 = 17.41 AND ( col3 >= 29 AND col3 <= 9) AND (col3 > 45) AND (col1 > 4.11) OR col4 >= 86.56))) OR col3 < 95) AND col0 > 92 AND col4 < 49.97 OR (col4 = 95.94) AND col1 >= 91.41 OR (col0 <= 85) OR col0 > 18 AND ((( col4 >= 12.2 AND col4 <= 74.86)))) AND col3 IN (74,27);
SELECT pk FROM tab4 WHERE (col0 IN (60)) AND ((col0 >= 2 AND col0 < 85 OR col0 < 49) OR col3 < 70 OR (col3 >= 6) OR ((col3 < 0 AND col0 IN (17,83) AND ((col1 < 52.48 AND col0 < 17 OR (col3 < 31) OR col4 = 91.29 OR col1 > 79.98 OR col1 <= 47.41 OR col3 < 63 AND (col1 >= 15.54) OR (col0 < 55 OR (col0 > 60))) OR col3 >= 94))) OR (col4 < 29.99 AND (col3 = 54)) AND (((col0 < 36 AND col0 > 81 AND ((col3 > 16) AND (col4 > 28.0)) AND col3 > 55 AND col3 > 65 AND ( col0 >= 63 AND col0 <= 54) AND col3 IS NULL OR col4 IN (6.73,83.72,5.64,94.66,77.74) AND col3 > 12)))) AND col3 > 66;
SELECT pk FROM tab4 WHERE col3 >= 48 OR (( col0 >= 73 AND col0 <= 70));
SELECT pk FROM tab4 WHERE (col0 < 85 AND (((((col4 < 19.59 AND col0 <= 31 AND col0 <= 41 OR col1 = 92.67)) OR col3 >= 11)) AND ((((( col4 >= 97.51 AND col4 <= 53.66)) AND ((((col0 >= 63)) AND col3 > 76 OR col3 = 36 AND col0 IS NULL)) OR (col3 <= 16) AND col4 < 94.87 AND (col0 > 36 AND col1 < 15.1) AND (col1 >= 65.49))) AND col0 < 66 AND col1 > 39.57) AND (col0 < 91) AND (col0 < 69 OR (col4 = 73.9))) AND ((col0 < 16 AND ((col0 IN (45)) OR col4 > 24.61))) AND col0 < 90 AND (col4 IS NULL));
SELECT pk FROM tab4 WHERE (((( col3 >= 41 AND col3 <= 73) AND col4 > 85.16 OR col4 > 5.24)) AND ((col4 >= 77.42 AND col0 >= 10)));
SELECT pk FROM tab4 WHERE col1 <= 22.19 AND (col0 > 3 OR (col0 > 45)) OR ((((( col0 >= 17 AND col0 <= 95))) AND (col3 < 72) AND (((col3 <= 24)) OR (col0 > 41)) OR (col3 > 52))) AND (col0 < 71 AND col0 < 26 AND ((col3 >= 72 AND ((col1 >= 19.22 AND (col3 < 21 AND (col3 >= 23 OR col0 = 84)) OR ((col4 <= 40.43)) AND col3 > 89 AND ((((col0 <= 99) OR col4 <= 45.26 OR col0 > 22)))))) OR col1 > 45.53)) OR col3 < 89 OR (col0 > 31) AND (col1 = 6.57);
SELECT pk FROM tab4 WHERE col3 > 53 AND col0 IS NULL OR col0 > 3 AND (col0 <= 31 OR ((col1 > 87.89 AND col4 > 55.63 OR col0 <= 68 OR col0 < 53 AND col3 <= 42 AND col0 = 27 AND col3 <= 69 AND ((((col4 > 74.40 OR col0 <= 61) AND ((col3 IN (68)) OR ((((col4 > 57.25) OR ((((((col3 > 2)))) AND col4 < 12.87) OR col0 < 17) AND ( col0 >= 37 AND col0 <= 62) OR col3 > 92)))) OR ((col1 < 40.13) AND col3 > 39 OR col0 < 34 AND (col0 > 58) AND col0 >= 3 AND ((((col3 >= 42)))) OR col1 < 55.2)) AND col0 < 69)) AND col1 > 36.3) OR col3 < 35 AND ((((col0 IN (65,2,50,40,8) OR col3 > 72 OR (col3 > 83)) OR (col0 > 88 AND col3 IS NULL)) OR (col3 > 82) AND (col0 > 94) OR ( col1 >= 11.26 AND col1 <= 6.13) OR (col3 <= 62 AND col0 > 14 AND (col1 > 6.51 OR ( col0 >= 71 AND col0 <= 74) OR col0 >= 92 OR col3 IN (63,83)) AND (col0 >= 76 OR col0 > 37) AND col1 > 27.59)) AND (col1 <= 35.74) OR (col3 IN (76,8) AND col3 <= 46)) AND (col0 < 44) OR col4 < 85.62)) AND ((col4 = 92.85)) AND col0 = 34 AND col4 >= 52.62 OR col3 >= 87 OR col1 >= 25.87;
SELECT pk FROM tab4 WHERE ((col0 IS NULL) AND ((col0 > 88 AND col3 < 46 OR col0 > 36 OR (col3 > 20 AND col4 > 66.30) OR col4 < 10.71 AND col3 <= 51 OR (((((( col3 >= 92 AND col3 <= 54))) OR col3 > 1))) AND col3 IS NULL AND col0 <= 54)) AND col0 >= 25);
SELECT pk FROM tab4 WHERE ( col3 >= 68 AND col3 <= 56);
SELECT pk FROM tab4 WHERE ((( col3 >= 46 AND col3 <= 36) OR (col4 >= 85.54 OR col0 < 38) AND col3 >= 27 AND col3 > 45 AND col3 >= 3 AND (col0 < 32 AND (col3 < 10) AND col0 >= 74 OR col0 >= 93 AND col4 >= 90.24)));
SELECT pk FROM tab4 WHERE ( col1 >= 2.72 AND col1 <= 98.14);
SELECT pk FROM tab4 WHERE (((col3 > 11))) AND (col3 >= 18) AND (((((((col3 <= 61))))))) AND col0 > 15 AND col1 > 78.12 AND (col3 = 64) AND ((col3 <= 18)) OR col0 < 76 AND col3 <= 57 OR (((((col0 IS NULL OR (((col3 <= 21) AND (((col3 = 75)) AND (col4 >= 10.41 OR col3 <= 75) OR col3 > 63 OR (col1 < 7.52) OR ( col3 >= 51 AND col3 <= 40) AND col4 < 58.74 OR col0 <= 82)) AND (col4 > 16.0) OR col0 <= 0 OR col0 <= 2 AND (col3 > 71)) AND (col1 < 97.64 AND (col3 >= 76) AND col3 > 67 AND (col1 IS NULL) AND col1 > 67.26 OR col0 <= 54 AND col3 IS NULL AND col1 > 77.99 OR ((col3 < 91)) AND col0 > 50 AND col4 < 72.99 AND col0 < 77) AND col3 < 80 AND (((((col3 IN (89,10,5,1))) AND col3 >= 89 AND col4 <= 16.39 OR ((col0 = 24)))) AND (((col3 >= 70 OR col1 >= 76.97)) OR (col0 <= 9 OR col0 IS NULL OR ( col3 >= 23 AND col3 <= 66) AND col1 IS NULL) AND col0 < 50)) OR col3 <= 34 AND col3 = 88 AND col0 <= 80) AND (((col3 < 3) OR (col3 < 69) OR col4 <= 41.44)))))) OR col3 > 45 OR (col1 IN (55.52,45.28,57.9) AND (col0 IN (3,90,55,66))) OR col3 < 79 AND (((col0 <= 13) AND ((col4 < 19.47))) OR (col3 > 2) AND col3 <= 81 AND col0 < 21) AND col3 > 92;
SELECT pk FROM tab4 WHERE col0 > 36 OR col3 > 0 OR col0 >= 56 OR col4 = 73.95 OR (((col3 IN (SELECT col0 FROM tab4 WHERE col0 <= 59) OR col0 = 71 OR col1 >= 88.52 OR col0 < 64)) OR ((col0 IS NULL) OR (col3 <= 52)) AND col1 < 74.82 OR col4 > 58.7 OR (((col4 = 41.89 AND col0 < 28))) OR (col3 <= 56) AND ((( col0 >= 19 AND col0 <= 45))) AND (col3 IN (SELECT col0 FROM tab4 WHERE col0 > 28)) AND col4 IS NULL) AND (col1 > 79.63 AND col0 > 63) AND (col3 > 98) AND col3 > 44;
SELECT pk FROM tab4 WHERE (col3 > 8 OR (((col0 = 95) AND col4 <= 35.39 OR col0 < 87 OR (col3 > 90) OR ((((((((col3 < 13 AND col0 = 66 OR (((col1 IS NULL))) AND col3 >= 22 OR (col3 < 5) AND col3 <= 70) AND (col3 < 70) AND col3 < 21 AND ( col0 >= 80 AND col0 <= 18) AND (col0 = 76) AND col3 < 58) OR ((col3 > 49))))) AND col4 >= 88.36))) AND (col0 >= 61) AND ((col0 IN (34,16,25))) OR ( col0 >= 75 AND col0 <= 52) AND col0 > 12 AND ((col3 <= 19 AND ((col3 IN (91,49,82,84,56) OR (col3 > 64))))) AND (col4 < 13.89 AND col0 = 11 OR ((col0 >= 49))))) AND col4 > 30.11 AND ((col3 = 37)));
SELECT pk FROM tab4 WHERE (( col0 >= 65 AND col0 <= 64));
SELECT pk FROM tab4 WHERE col3 >= 44 AND col0 < 59 AND ( col4 >= 80.86 AND col4 <= 96.95) OR col0 IS NULL OR col0 = 62;
SELECT pk FROM tab4 WHERE ((( col0 >= 19 AND col0 <= 58)) OR (col1 > 79.69)) AND col0 > 87 AND (col1 <= 27.72);
SELECT pk FROM tab4 WHERE col4 < 52.25 AND col0 IS NULL AND (col3 <= 30) OR col3 >= 22 AND ( col0 >= 79 AND col0 <= 92) OR col3 IN (39,11,4,23,37) AND ( col4 >= 38.8 AND col4 <= 70.2) OR col1 > 21.21 AND col3 IS NULL AND col1 = 62.38;
SELECT pk FROM tab4 WHERE (col3 > 85 AND col3 > 53 AND col0 IS NULL OR (col0 IS NULL AND col0 >= 0 AND col3 > 37 AND col1 < 36.91 AND (col3 < 92))) AND ((col0 <= 93 OR (col0 >= 88)) OR ((col3 >= 94 AND ((col3 >= 9 OR (col4 = 77.92 AND col0 > 27) AND (( col3 >= 41 AND col3 <= 51)) AND col0 >= 35 AND col4 >= 67.46 AND (col3 >= 22 AND (col3 < 67)) AND ((((col3 <= 8))))) AND col1 = 37.39 OR ( col3 >= 56 AND col3 <= 57) AND (col0 > 28) AND col0 > 62 OR (col4 >= 6.22 AND ((col3 < 3)) OR col1 <= 20.6)) AND (col3 = 52) OR col0 IS NULL OR ( col1 >= 5.1 AND col1 <= 46.70)) AND col0 < 2) AND col0 > 60) OR col3 = 29 OR (col0 <= 4) OR col4 IN (SELECT col1 FROM tab4 WHERE (col3 >= 20) AND ((col1 <= 34.60)) AND col3 > 97 AND ((col3 IS NULL)) OR ((col3 > 44)) OR col0 < 44 OR col0 IS NULL) OR col3 >= 5 AND ((col0 < 33 OR (col0 < 11) OR col1 <= 59.19 OR (col3 >= 36) OR (((col0 < 98 OR ((col3 < 33) AND col0 <= 94 AND (col1 IN (36.14,59.94,67.56) AND (col3 < 58)) AND (col0 > 51))))) AND col3 IS NULL AND ((col1 < 2.38 AND col4 >= 56.3 OR col3 < 27 AND col1 > 49.73)) AND col0 IN (46)));
SELECT pk FROM tab4 WHERE (( col1 >= 41.66 AND col1 <= 19.55) AND col1 < 33.52 AND ( col3 >= 50 AND col3 <= 4));
SELECT pk FROM tab4 WHERE (col3 > 97) OR (( col3 >= 55 AND col3 <= 65) OR col1 > 77.83) AND col4 > 37.43;
SELECT pk FROM tab4 WHERE (( col0 >= 29 AND col0 <= 80));
SELECT pk FROM tab4 WHERE (((col3 >= 70))) AND ((col0 = 57 AND col4 <= 5.73 OR col3 > 4 OR (col0 < 46) OR ((((col3 <= 73))))) OR col0 = 40) AND (col0 <= 83) OR (col0 < 72) AND col3 IN (SELECT col0 FROM tab4 WHERE ((col4 = 83.83 OR col0 = 59))) AND ( col1 >= 26.87 AND col1 <= 46.75);
INSERT INTO tab0 VALUES(93,2790,1324.19,'kdlxr',2007,6526.51,'pvrwl');
INSERT INTO tab0 VALUES(187,6919,1441.45,'pcvys',8871,6206.7,'wbfcd');
INSERT INTO tab0 VALUES(281,1576,2649.58,'pksjq',7302,6986.57,'phqvi');
INSERT INTO tab0 VALUES(375,9015,5685.11,'ojdyw',1974,2342.69,'jlbiu');
INSERT INTO tab0 VALUES(469,1802,354.85,'utmgn',7876,4809.45,'zxarz');
INSERT INTO tab0 VALUES(563,2815,5521.89,'uwoqh',308,5987.10,'jpmwy');
INSERT INTO tab0 VALUES(657,5245,9112.59,'eooeo',4884,6538.20,'qaumk');
INSERT INTO tab0 VALUES(751,2596,8117.62,'tfdul',7527,6184.58,'adtat');
INSERT INTO tab0 VALUES(845,8684,8589.90,'msgeq',4476,3714.35,'ymmsb');
INSERT INTO tab0 VALUES(939,7635,5645.66,'lnjul',2281,6976.92,'zcpoz');
SELECT pk FROM tab1 WHERE (col3 >= 8674 AND col3 <= 1564) AND col4 IN (6875.93,3513.76,7148.13);
SELECT pk FROM tab3 WHERE ((col0 >= 9673)) AND ((col4 > 6480.67 AND (col3 IN (9169,5054,7991,2026,2509)) AND col0 > 1929 OR ((col0 IS NULL) AND (((((col3 > 929 AND col4 >= 4701.42 AND (col0 >= 86 AND col0 <= 348) OR col3 IN (3166,7939) OR col3 IS NULL AND col1 IS NULL OR (col3 > 9548)))) OR (col0 > 6460)) AND col3 > 9745 OR (col4 = 2198.86)) OR col3 < 9842 OR col3 >= 5825 AND (((col4 > 6831.55)) OR ((((col3 >= 8366) AND col0 < 4142 OR col0 > 9174))))))) OR col0 = 8068 AND col3 >= 783;
SELECT pk FROM tab0 WHERE (col4 >= 7057.18 AND col4 <= 1099.14);
SELECT pk FROM tab2 WHERE ((col3 IN (5328,2768,5046,3965,6310,7883)) AND (col0 > 8430) AND (((col3 IS NULL AND (col3 >= 7159 AND col3 <= 6304) AND col0 > 1428 AND (col3 < 121) AND col1 IN (8215.62,3156.49) OR col3 IN (4360,4237,6827,9388) OR col1 > 6506.25 AND col1 = 4996.28 AND ((col0 >= 1762) AND col3 > 9555 OR (col0 >= 4134 OR col0 >= 7932) AND col1 > 4340.6 AND (col0 >= 3216 AND col0 <= 8432) AND ((col0 <= 8928) AND ((col0 < 7765) AND col0 < 791 AND col0 >= 2770) AND (((col0 > 3478))))) AND (col0 >= 6612 AND col3 <= 7056 AND col4 IN (SELECT col1 FROM tab2 WHERE col3 < 2628 OR col0 <= 9199) OR col1 <= 2584.8) AND col1 = 6978.97 AND (col0 IS NULL AND (col3 = 2679)) AND col3 = 7334 AND col4 > 9021.73 OR col4 IN (8559.44,1368.60,6682.68,3413.21) OR col0 < 2799 OR (((col4 < 4170.53))) OR col1 < 8749.19 AND ((col3 < 4527)) AND col4 IN (SELECT col1 FROM tab2 WHERE col0 >= 6727) AND col4 >= 9677.26 AND col3 > 9071 AND col1 = 5764.12 AND (((col4 >= 9440.68 AND col4 <= 8009.66) AND col1 < 8675.46 AND (col0 > 1068) OR (((col3 IN (4752)) OR (col4 IS NULL))) OR (col3 IS NULL OR (col4 >= 1400.44 OR (col4 >= 6097.10))))) AND col4 >= 4589.2 OR col1 < 9040.16) OR (col0 IN (6917,1883,853,7684,4932,8082)))) OR (col3 > 8143 AND (col0 <= 1449)) AND col1 < 6065.93 OR ((col4 >= 86.64 AND col4 <= 6101.94)));
SELECT pk FROM tab4 WHERE col1 < 3474.30 AND (col0 <= 8553 OR col3 > 8322) AND (col0 > 2527) OR ((col3 > 5300) OR col0 >= 6500 OR col1 < 913.1 AND col3 IN (1602,1686,1513,579,6383,9024) OR col3 IS NULL OR (col4 IS NULL) OR col4 <= 5297.51 OR (col1 > 2041.53) AND (col3 IN (409,3167,6666,1406,4793) AND col0 > 3111) OR (col4 > 3233.4 AND col0 = 9661 AND col3 >= 330) OR ((col0 = 5546) AND col1 IS NULL) AND (col4 >= 5302.78 AND (col3 IS NULL)) AND (col3 >= 733) AND (col0 >= 9707 OR ((col0 >= 7684) AND (((((col0 > 7559) OR col4 > 2450.51 AND col0 > 8965 OR (((col3 >= 2771 AND col3 <= 741))) OR ((((((col4 > 8872.13 OR col3 >= 5887 OR (col0 <= 105 OR (col0 = 1357) AND col0 <= 6473 OR col4 = 2519.61))) OR (col0 > 769) AND (col4 IN (4965.61)))))) AND col1 > 3994.11 AND col3 >= 4133 AND ((col4 > 3727.85 AND (col3 < 9235 AND ((((col3 <= 1913) AND ((((col1 IN (6808.79,7764.59)))))) OR (col3 > 2819) AND ((col4 > 6960.87 AND (col3 >= 9003 AND col3 <= 1482) OR (col3 IS NULL AND col3 IS NULL)))) AND col3 > 1750 AND (col0 >= 6233 OR col3 < 8997) AND col0 > 8326 AND (col3 < 5585 AND ((col3 IN (9240,8558)) AND col1 > 7806.38 OR col0 IS NULL OR col0 IS NULL OR col0 >= 6633) AND col4 > 8260.64 OR (col3 >= 9880 AND col3 <= 5356) OR col3 < 5232 OR (col4 >= 7905.58)) OR col3 IN (8376,105) OR col3 < 6816 AND (col0 > 4247)) OR col3 < 2134 AND col3 < 1778 AND (((((col1 > 7121.47) OR col0 >= 5832 AND (col3 > 4851 AND (col0 > 4671) OR (col3 < 7162 AND (((col0 < 8793))) AND col0 = 3010) OR col0 > 4739 AND col3 IN (8873,2758,3606,6476) OR (col0 IS NULL OR (((col3 < 5209 OR ((((col1 < 2495.15)) OR col1 > 3807.74 AND col4 <= 5145.11 AND ((col0 >= 3704 AND col0 <= 4009)) OR col3 = 8420 AND col1 < 5288.13 OR col4 = 949.37 OR (col3 = 394) AND (((col4 > 6445.26))) AND (col1 < 4973.86) OR col1 >= 712.40 AND col4 = 5350.65 OR col0 IS NULL AND ((col1 > 3718.23 AND (col3 >= 3413 AND col0 > 7987 AND col0 > 5546) AND col0 > 3920)) AND col1 < 5198.36 OR ((col1 > 3185.49)) AND col3 IN (SELECT col0 FROM tab4 WHERE (col0 > 4886))) OR (col0 < 5358)))))) AND (col3 = 2078))))) AND col3 >= 7345 AND col3 IS NULL OR ((col0 >= 6269 AND col0 <= 6188) OR (((col0 < 7832) AND col0 <= 1535 AND (((col3 > 6499)) AND col3 >= 6647) OR (col3 <= 9631) AND col0 < 607 AND (col3 >= 7307) AND col3 > 4270 AND col3 < 2186 AND col4 > 9067.7 AND ((col3 >= 1533 AND col3 <= 9255) AND col1 IS NULL OR ((col3 >= 9061 AND col0 > 2991)) OR col0 >= 3015 OR col0 < 2682 AND col4 IS NULL AND col3 >= 4006) AND (col3 >= 8714 AND col3 <= 143) AND (col0 <= 6664)))) AND ((col0 > 3595 AND col4 <= 3727.95 AND col0 > 8706 AND col3 > 5700) OR (col3 = 7821) AND (((col0 > 6408) AND col4 > 8374.69 AND col1 >= 8547.58)))) OR col1 >= 2058.4 OR (col3 IS NULL) AND (col0 IS NULL OR (col3 >= 7657 AND col3 <= 929) AND (((((col0 IS NULL AND col4 < 6785.71) AND col0 >= 3743 OR col0 < 2447 AND col0 = 1686 AND col0 < 7258 OR col4 < 5064.22 OR ((col3 < 5115)) AND (col1 >= 6809.56) AND ((col4 < 223.47) OR col0 < 6756 AND (col3 IS NULL) OR (col4 > 2781.8 AND (((col4 >= 8539.80 OR col0 > 843 AND col4 > 1585.11 AND col3 < 5558)))) AND col0 > 3013 AND col4 IS NULL AND col3 < 8656 AND (col3 < 2939 AND (col4 >= 1777.97 AND col4 <= 7376.62)) AND col0 >= 3394 AND col3 > 3092 OR col3 > 7225 AND col0 IN (5151,7586,7337,8027) AND (col3 < 9517) OR col1 > 8656.36 OR col3 IN (7236))))) AND col0 >= 7365) AND ((col0 > 1130)) OR col0 <= 9454 AND col4 > 4718.10 AND ((col3 IS NULL) AND (((col3 >= 4521 AND col0 < 4458 OR col0 > 4139 OR col3 <= 8865 OR (((col4 > 7448.65 OR (col0 < 3304))) AND col1 IN (6215.27,1110.54)) AND col4 > 8988.69))) OR col1 = 2609.47) AND col0 < 7374)) OR col4 > 2675.93 AND col3 IN (8553,1022,8320,4549,9776) AND (col4 = 9723.31) AND col3 > 5641 AND ((col0 <= 1115)) OR col4 <= 9678.64 AND (col1 > 213.51 AND (col1 <= 5645.8)) AND col3 >= 9476) AND col0 <= 9572 OR col3 > 2880 AND (col3 < 3722) AND (((col0 = 7762 AND col0 <= 6742))) AND (col0 <= 1951) OR ((col0 > 2843 OR col3 > 7373)) AND col4 < 8782.14 OR col1 > 2269.12) AND col0 = 3555))))))) AND col0 < 9796 AND col1 > 6968.19;
SELECT pk FROM tab1 WHERE (col4 > 6897.90 AND (col3 <= 2176 OR col0 <= 7441 AND ((col3 <= 370) AND (col4 < 8638.1)))) OR ((col1 >= 8125.99 AND col1 <= 3290.41) AND ((col0 > 4115))) AND col1 <= 8217.48 AND col0 >= 1394 OR col0 <= 5540;
SELECT pk FROM tab3 WHERE col3 IS NULL OR (col3 > 1815) AND col3 > 6916 AND col3 <= 8820 AND (col3 >= 5027 AND col3 <= 5507) AND col3 < 2684 OR col1 < 2114.77;
SELECT pk FROM tab0 WHERE ((col0 >= 2251 AND col0 <= 5056) AND col3 >= 728 OR (col1 < 4217.78));
SELECT pk FROM tab2 WHERE (col3 < 4460) AND ((col0 >= 2569 AND col0 <= 5031) AND (((col4 >= 3016.89 AND col4 <= 5620.35))));
SELECT pk FROM tab4 WHERE (col4 >= 5013.22 AND col4 <= 1623.45);
SELECT pk FROM tab1 WHERE (((col3 < 292) AND ((col0 < 9667)) AND ((col3 >= 828) OR (col1 >= 6182.75 AND col1 <= 4121.71)) OR col3 >= 1621 AND (((col4 >= 2393.16 AND col4 <= 779.49))))) AND col3 >= 5415 AND col4 >= 9505.22;
SELECT pk FROM tab3 WHERE (col0 >= 345 AND col0 <= 3284);
SELECT pk FROM tab0 WHERE (col1 >= 2691.53 AND col1 <= 334.13) AND (col3 IN (8499) AND (col0 = 182));
SELECT pk FROM tab2 WHERE col0 <= 6888 OR (col3 >= 5101) AND col0 > 3522 AND col0 IS NULL OR (col3 > 8790 AND col3 = 3524 OR ((col0 = 4646) AND ((col4 > 7639.35 OR col0 > 3714 AND ((((col0 < 9946) AND ((col3 < 8457))))) AND (col4 >= 7823.8) AND (((col3 > 8191 AND ((((col3 < 2362)))) OR ((col4 > 6693.23)) OR (col3 = 3967 AND (((col0 >= 4185 AND col0 < 3263) AND col4 < 263.41))) AND (col1 <= 6657.47 AND col0 < 5042 AND col3 >= 4130 AND (col0 <= 6705)) AND col0 > 4579 OR ((col0 >= 5091 AND col0 <= 9160)) AND col3 < 3608 OR col3 > 3789 AND col1 IS NULL OR col3 = 867 OR ((col0 <= 5357)) AND col1 < 3842.94 AND col0 >= 8131) AND (col0 IN (5059,5140,6341,5528,3223,8487)) OR (col0 IS NULL) OR col0 > 4689))))) AND col3 IS NULL OR col1 >= 211.74 OR col0 < 5779) AND col3 >= 8012 OR ((col3 > 280));
SELECT pk FROM tab4 WHERE ((col0 > 8893 AND col3 <= 8525 AND (col3 > 7811) AND col0 >= 5849 OR ((col0 < 4612 AND col3 < 1792 AND col3 > 7536 OR col1 IS NULL OR ((col3 > 2685 OR (col3 >= 2329))) AND col3 > 3020 OR col0 IN (8369,8917) OR (((((col3 <= 1977))))) AND ((col1 IS NULL)) AND (col4 >= 714.71) OR ((col1 < 8158.8)) AND col3 = 6254 AND (col1 = 7747.65 AND col0 IS NULL OR ((col4 >= 4390.79))) OR col0 <= 8838 AND col3 IS NULL OR (col0 > 2) OR col0 IS NULL AND col0 = 1704 OR (col3 IN (5644,4193,7352)) AND (col0 > 7770 AND col0 < 4269) AND (col3 >= 3126) OR col0 >= 8276 OR col4 IS NULL) AND ((((((col0 IS NULL))) AND (col3 >= 3625 AND col3 <= 1179) AND col1 < 5979.84 OR (col3 <= 1470) AND col0 > 2804) AND col3 < 6225 AND col0 IS NULL OR col0 > 1304) AND (col3 >= 8391 AND col3 <= 1352)) AND col0 >= 3205)) AND col4 <= 1713.18);
SELECT pk FROM tab1 WHERE (col1 >= 4363.0 AND col1 <= 1957.48);
SELECT pk FROM tab3 WHERE (col3 > 2540 AND (col3 >= 4810 AND col3 <= 6561) AND (col0 < 5289));
SELECT pk FROM tab0 WHERE ((col1 >= 2202.78 OR ((col0 IN (1032) OR col3 > 2966 OR (col1 > 2339.34) AND (col3 > 4077) AND (((((col3 >= 9131 AND col3 <= 6495)) OR ((col0 <= 2171) AND col1 >= 4779.46)))))) AND col1 > 4603.56));
SELECT pk FROM tab2 WHERE ((col3 <= 5698)) AND ((((col0 >= 1100 AND col0 <= 1624) OR ((col4 < 3198.96 AND col0 >= 4958)) AND col1 IS NULL)));
SELECT pk FROM tab4 WHERE (col1 < 9289.39 AND (((col4 >= 9739.44)) OR col3 > 1732) OR (col3 = 2875 OR col4 < 9381.84 OR col0 <= 9534 OR ((col3 >= 2816)) AND ((col3 >= 7142 AND col3 <= 8402))) OR col0 IN (28)) AND col0 IN (SELECT col3 FROM tab4 WHERE (col1 = 1065.6 OR col1 > 3557.62 OR col1 < 1388.74 AND col3 <= 387 OR col3 IN (5143,756)));
SELECT pk FROM tab1 WHERE col0 > 2377 OR ((col1 > 2834.62)) AND (col0 IS NULL OR (col4 < 7463.98 AND (col3 <= 1805)) OR ((col3 >= 5222))) AND col0 <= 9495 AND col3 IN (SELECT col0 FROM tab1 WHERE col1 >= 6814.64 OR (col1 > 7430.5) AND col3 > 6478 OR col3 < 2867 AND col1 > 1953.89 AND (col3 >= 2268 AND col0 >= 1266 AND col0 > 1145 OR ((((col3 >= 6750)) AND col3 < 3863)) OR (((col0 >= 7890 AND col0 <= 2913)))) OR col1 <= 1102.74 OR col3 IN (SELECT col0 FROM tab1 WHERE (col4 = 3901.89))) OR col0 > 4103;
SELECT pk FROM tab3 WHERE (col4 >= 3861.58 AND col4 <= 4123.22) AND (col3 >= 1894 AND col4 < 7558.77 OR ((col1 < 316.60) AND ((col0 > 1559 AND col0 <= 6811)) OR (col3 <= 195 AND col3 <= 9921 AND col3 >= 2445 AND col3 < 36 OR col0 < 2135 OR col0 >= 9748 OR (col0 >= 5040) AND (col3 = 9888) AND col4 > 4930.37)) OR ((col0 < 3758) AND col3 < 7983 OR (col3 >= 7799 OR (col3 >= 4325 OR col0 >= 6079) AND col0 >= 1728 AND (col4 = 131.85) AND col3 >= 1364 AND (col3 < 59)) OR col1 > 6063.79 OR col1 > 5397.66 AND ((col0 >= 3807) AND col4 < 2837.91) OR ((col3 <= 3706 AND col3 IN (9926,1244,9655,4475,3422) OR (col0 < 7191 AND ((col0 IN (9933,3308,1974,2702,6035,7395)))))) AND (col4 > 5515.91) OR (col3 = 5307))) OR ((col0 <= 7046 AND col3 IS NULL AND col1 >= 6507.78 AND (((col3 < 8750) AND col4 IS NULL OR col1 <= 4520.67) OR col0 IN (SELECT col3 FROM tab3 WHERE col1 <= 9472.57) AND ((col4 IN (7408.17,5945.70,6256.35,4757.83,5860.0))) OR col3 < 7947 OR col0 <= 4194 OR col3 < 7750 AND col1 <= 1611.71) OR col1 = 6820.49)) OR col3 >= 6583;
SELECT pk FROM tab0 WHERE (col0 > 2969) OR col3 IN (1792) OR col3 IN (1848,7246) AND col1 >= 8863.4 AND (((col4 >= 9069.64 AND col4 <= 221.99) OR col0 > 1886));
SELECT pk FROM tab2 WHERE ((col4 < 299.98) AND col0 = 6326 AND (((col3 > 1163) AND col4 <= 7577.30)) AND col3 < 3739 AND col3 <= 9967 OR (col4 >= 2504.57 AND col4 <= 4125.90));
SELECT pk FROM tab4 WHERE (((col0 >= 9149 OR (((col4 <= 9608.33 OR col0 <= 5166 OR col4 < 7304.13 OR (col4 < 7930.51 OR (col1 = 8318.85) OR col0 >= 3957 AND ((col4 >= 7509.73) AND (col4 < 9945.32) AND ((col1 > 4686.49)))) AND col3 >= 4686)) OR col0 IS NULL AND (col0 >= 6735 AND col0 <= 4045) OR col0 IS NULL AND col3 > 6835 OR (col0 >= 6725) AND ((col0 IS NULL)) AND (col0 < 556 OR col0 < 2650 AND (col3 >= 8121 OR (col1 IS NULL) AND (col1 <= 1129.77)))) OR col4 > 4357.37 AND col4 <= 1071.13 OR (((col3 = 8106)) OR (col0 IS NULL OR col0 = 422) AND col1 >= 7744.42) AND (col3 <= 5587))));
SELECT pk FROM tab1 WHERE (col1 < 6075.38) AND (((col3 >= 7196 AND col3 <= 5891)));
SELECT pk FROM tab3 WHERE ((col4 >= 1590.11 AND col4 <= 9885.99)) AND col0 IN (323);
SELECT pk FROM tab0 WHERE (col0 >= 5902 AND col0 <= 65) AND ((col0 IN (SELECT col3 FROM tab0 WHERE col3 >= 1823) AND col1 IS NULL AND ((col0 >= 132) AND ((col0 > 5545) OR col0 <= 5944 AND col0 = 9681 OR (col3 > 1159))) OR col0 <= 6744 OR col1 IN (4260.90,8231.26,9768.27,6811.0) AND col3 >= 5827 OR (col4 > 2668.53 OR col4 >= 5025.89) AND col3 IS NULL) AND col3 IS NULL);
SELECT pk FROM tab2 WHERE (col4 >= 3086.77 AND col4 <= 8884.31);
SELECT pk FROM tab2 WHERE col1 < 17.56;
SELECT pk FROM tab0 WHERE col1 <= 50.82 AND col0 < 71;
SELECT pk FROM tab3 WHERE col1 >= 71.50;
SELECT pk FROM tab1 WHERE ((col3 < 20) OR col0 = 2);
SELECT pk FROM tab4 WHERE (col1 > 41.63) AND col0 = 10 OR col3 < 23;
SELECT pk FROM tab2 WHERE col4 > 24.38;
SELECT pk FROM tab0 WHERE (col1 < 37.97) AND (col0 IN (44,22,68,6,74)) OR col3 < 76 OR (col3 >= 31) AND col3 <= 57 OR (((col4 > 48.69))) OR (col0 > 81) OR (col3 BETWEEN 52 AND 11) OR (col3 < 41 OR ((col0 > 58 OR col1 <= 86.46 OR (col3 >= 96) AND col4 >= 90.56 AND col3 < 15)) AND col4 > 76.20 AND (col3 IS NULL) AND (col0 > 35 OR (col3 > 52) AND col3 = 84 AND col4 >= 44.65) AND (col4 IS NULL AND (col4 >= 15.50))) OR (col0 = 22) OR col3 = 50 AND (col3 > 65);
SELECT pk FROM tab3 WHERE ((col1 > 77.14)) OR col4 < 82.25 OR col0 IS NULL AND (col3 > 40 OR col4 > 82.99 AND (((col3 < 55) AND ((((col3 < 2)) OR col3 > 56) AND col0 IN (80,68,97,74) AND col0 > 35 AND (col0 > 33)))) OR (col1 IN (97.82) OR (((col0 IN (38)) OR (col3 < 46)))) OR col0 < 62);
SELECT pk FROM tab1 WHERE col1 >= 42.40;
SELECT pk FROM tab4 WHERE col4 >= 2.55;
SELECT pk FROM tab2 WHERE (col0 = 65);
SELECT pk FROM tab0 WHERE ((col4 >= 82.45));
SELECT pk FROM tab3 WHERE (((col4 > 88.98)));
SELECT pk FROM tab1 WHERE ((col3 < 2)) AND col3 < 34;
SELECT pk FROM tab4 WHERE col3 IS NULL AND col3 = 83 OR ((col1 >= 31.35 OR ((col0 >= 11 OR col1 IS NULL OR col4 < 28.61 OR col3 <= 41)))) AND (col3 < 52);
SELECT pk FROM tab2 WHERE ((col1 < 17.50 OR col3 BETWEEN 99 AND 10));
SELECT pk FROM tab0 WHERE (col4 < 71.51 AND (col1 < 75.47 OR col3 < 47)) AND col3 = 80 AND (((col0 < 88)) AND col1 < 62.33 OR col3 BETWEEN 30 AND 60 OR col0 > 28) OR (col0 = 63) AND col0 >= 39;
SELECT pk FROM tab3 WHERE (((col1 < 59.36)) AND col0 = 43 OR ((col1 < 48.3 OR col1 IS NULL OR col3 <= 16 OR (col0 = 96) OR col0 > 62)) AND (col0 < 36 OR col4 <= 22.88 OR col4 <= 21.38 AND ((col4 < 56.29 OR col0 > 95 OR col3 > 39 AND col1 <= 8.88 OR col4 < 87.31))) AND col0 <= 57 AND col1 <= 37.92 OR col0 < 70 OR col0 = 7 AND col0 > 0 AND (col0 <= 89) OR col1 >= 6.46 OR (col1 >= 52.18));
SELECT pk FROM tab1 WHERE col3 IS NULL OR col0 < 97 AND col3 > 84;
SELECT pk FROM tab4 WHERE (((col0 >= 14 AND ((col3 <= 84)))));
SELECT pk FROM tab2 WHERE col4 > 97.55;
SELECT pk FROM tab0 WHERE col0 <= 45;
SELECT pk FROM tab3 WHERE ((col0 >= 42 OR col3 IN (25) OR col4 < 58.84) AND col3 > 67 OR ((((col3 >= 63 OR col0 <= 98))))) OR ((col0 BETWEEN 4 AND 72 AND ((col0 < 29) OR (col3 > 15)) AND col1 IS NULL AND (((((col3 >= 26)) OR col4 < 86.95 AND col3 >= 38 AND col3 >= 93 AND col4 = 88.41 AND col3 > 50 AND col1 > 65.97)) OR (col3 = 88)) OR col3 > 77) AND (col4 > 67.47));
SELECT pk FROM tab1 WHERE (col1 <= 89.27 AND col0 >= 34);
SELECT pk FROM tab4 WHERE ((col3 >= 18));
SELECT pk FROM tab2 WHERE (((col1 >= 47.36)) AND (col0 < 10 OR col4 < 28.39 OR col0 >= 95 OR col4 > 50.9) OR col0 > 11);
SELECT pk FROM tab0 WHERE (((((col4 > 24.14)))) OR (col0 > 21) AND ((col4 > 11.37) OR col1 = 39.26 AND col3 > 71 AND (col0 < 61)) AND (col4 < 28.19) AND (col3 < 19 OR col3 < 10)) OR col0 IS NULL AND ((col3 <= 58 AND col4 > 97.95 AND (col3 > 65) AND col1 < 31.98)) AND col1 = 20.96 AND col0 > 5 OR col0 < 45 OR (col0 IN (72,31,95,18,41,39)) OR col1 < 38.82 AND col4 <= 8.66;
SELECT pk FROM tab3 WHERE (((col1 > 0.83) OR (col3 >= 40)));
SELECT pk FROM tab1 WHERE (((col1 > 42.86)));
SELECT pk FROM tab4 WHERE ((col1 = 82.20)) OR col3 = 2 AND col4 < 87.38 OR col3 = 64;
SELECT pk FROM tab2 WHERE (((col0 < 67) OR col3 <= 64 AND ((col3 > 96 AND col0 = 15 AND (col3 < 52) OR col4 < 60.93 AND ((col4 > 13.97)) AND col4 < 0.3 AND (col3 = 23 OR ((col0 < 77) OR col4 < 7.67 AND col3 IN (96)) OR col0 > 63)) OR col3 IS NULL)) OR col1 = 56.74 OR col4 > 47.91) AND ((col0 <= 92));
SELECT pk FROM tab0 WHERE col3 <= 46 AND (col0 = 63) AND col3 = 16;
SELECT pk FROM tab3 WHERE (col4 <= 55.7) OR (col0 < 94) OR col3 > 47;
SELECT pk FROM tab1 WHERE col0 < 73 AND col4 <= 80.28 AND (col0 < 51 AND col0 >= 56);
SELECT pk FROM tab4 WHERE col0 = 73 OR col3 BETWEEN 57 AND 40;
SELECT pk FROM tab2 WHERE col1 > 98.64;
SELECT pk FROM tab0 WHERE col0 < 99 OR col3 <= 79;
SELECT pk FROM tab3 WHERE col0 = 84 AND col1 IS NULL;
SELECT pk FROM tab1 WHERE col0 = 18 AND col1 > 90.20 OR col3 >= 6 OR col3 >= 22;
INSERT INTO tab0 VALUES(117,9372,7592.5,'zakkg',48,6655.25,'ypuez');
INSERT INTO tab0 VALUES(235,8454,4404.28,'bxicx',8955,728.77,'eisvr');
INSERT INTO tab0 VALUES(353,8338,7585.96,'qozop',8191,706.46,'dhvil');
INSERT INTO tab0 VALUES(471,503,187.93,'azcil',725,5190.47,'blwjx');
INSERT INTO tab0 VALUES(589,1745,9329.81,'afheu',4832,6843.76,'vyiar');
INSERT INTO tab0 VALUES(707,4172,6189.0,'hidfb',4106,2392.7,'busoo');
INSERT INTO tab0 VALUES(825,5201,6008.66,'alcwx',7450,2625.91,'welpq');
INSERT INTO tab0 VALUES(943,7565,8092.77,'bqosc',9081,2394.56,'ffuzy');
SELECT pk FROM tab0 WHERE (5999 = col0 AND 718 >= col0 AND col4 IS NULL AND 7610 >= col3 OR col4 BETWEEN 865.20 AND 7058.86 AND (9695.29 > col4 OR 6817.55 > col4 OR (8014 <= col3)));
SELECT pk FROM tab4 WHERE ((5723 < col3) OR 2135 >= col0);
SELECT pk FROM tab3 WHERE 471 < col0 AND 797.61 <= col4 AND 9164.99 >= col4;
SELECT pk FROM tab2 WHERE 3456 = col3;
SELECT pk FROM tab1 WHERE 5859.68 < col1 AND 5155 <= col0 OR ((6701.28 >= col1));
SELECT pk FROM tab0 WHERE 2124 < col3;
SELECT pk FROM tab4 WHERE 6687.86 < col1 OR 4971 < col0;
SELECT pk FROM tab3 WHERE (6995 = col3 AND (583 >= col3) AND 7579 >= col3 AND (6916 <= col0) OR 9476 < col0 OR 9544 >= col0 AND 1180.90 < col1 AND 5294 >= col3 AND 603 = col3);
SELECT pk FROM tab2 WHERE (5782 < col0) OR 722 >= col3;
SELECT pk FROM tab1 WHERE 1017 <= col3;
SELECT pk FROM tab0 WHERE 2080.93 = col1;
SELECT pk FROM tab4 WHERE 950.71 <= col1;
SELECT pk FROM tab3 WHERE 1847 > col0;
SELECT pk FROM tab2 WHERE ((9562.4 < col1 AND col0 IS NULL));
SELECT pk FROM tab1 WHERE 6436.34 < col1;
SELECT pk FROM tab0 WHERE col0 IS NULL OR 7906 > col0 OR 7485 <= col0 AND (3567 <= col0) OR 8781.79 < col1;
SELECT pk FROM tab4 WHERE 4617.28 = col1 AND ((((9960 <= col3 AND (1803 > col0 AND (4812 < col0)) AND (((6546.88 > col4 OR (1996 < col3)) AND 7012 >= col3)) OR (5069 > col0))))) AND (col3 BETWEEN 9550 AND 6544 OR col3 IN (3210,3120,237,4920,8040));
SELECT pk FROM tab3 WHERE 6528.20 > col4;
SELECT pk FROM tab2 WHERE col3 IS NULL OR (7340 < col0 OR 3908.68 > col1) AND 6082.91 < col4;
SELECT pk FROM tab1 WHERE 4718 > col3 AND (((289 <= col3) OR 8404 > col0 OR (2318 > col0) OR 9013.28 < col4)) AND 8029.76 > col4 OR (((((2897 > col0)) AND 9322 >= col0)) OR 5130 <= col0 OR 3930 <= col3) OR 8615 > col0;
SELECT pk FROM tab0 WHERE ((((6979 > col0 AND (7350.51 = col1 OR 1318.66 = col1) AND (col1 IN (7523.43,7873.51,4604.68,7724.50,2318.57,2773.10)) AND 2934 >= col3 OR (col1 IS NULL) AND 844.44 <= col4 OR (((7299 < col0))) AND ((4266 < col3)) AND (6692 <= col0) AND 4398.93 < col1 OR 7093 <= col0 AND col1 IN (7556.2) OR 7374 >= col3 OR 5842.5 <= col1 AND 9823.10 >= col4 AND ((((6232 = col0 AND 7935 = col0 OR (2786 >= col3) AND (7288 <= col0) OR 875.1 = col4)))) AND (5289.60 < col1 AND 5405 >= col3) AND 6123 >= col0 AND (4169 = col0) AND 6207 < col0 AND (4597.45 < col1 OR 1237 < col3 AND 7312 > col3 AND 5072.72 < col1 AND 5442 = col0 OR 9085 = col3 AND col3 BETWEEN 1115 AND 5423) AND 6492 = col3 OR 3862.89 > col4 AND (4673 > col3) AND ((8629 = col3)))) AND (8783 <= col3 OR (col4 BETWEEN 7320.63 AND 6234.85) OR 3677 <= col0) OR 9258.60 <= col1));
SELECT pk FROM tab4 WHERE ((9290 = col3));
SELECT pk FROM tab3 WHERE 7238 >= col0;
SELECT pk FROM tab2 WHERE 8820 >= col3 AND (6609 < col0);
SELECT pk FROM tab1 WHERE (1331.22 < col4);
SELECT pk FROM tab0 WHERE 9450 >= col3;
SELECT pk FROM tab4 WHERE (1263 > col3) OR (col3 BETWEEN 3256 AND 4180 AND (7091 >= col3));
SELECT pk FROM tab3 WHERE 2137 > col0 AND 5171 < col0 AND ((6976.52 >= col1) AND 8676 <= col3 AND (2690 < col0));
SELECT pk FROM tab2 WHERE (7617 >= col3 AND 5802 <= col3 AND (((5330 < col3))) AND 2562 < col3 AND 2605.37 >= col1 AND 891.60 = col4 OR (1226 <= col0) AND (8936 <= col3 OR (5152.63 <= col1)));
SELECT pk FROM tab1 WHERE 4026 >= col0 OR (9255 = col3 AND col0 IN (SELECT col3 FROM tab1 WHERE (3518 < col3 OR (((2593 < col3))) AND (405 >= col0))));
SELECT pk FROM tab0 WHERE 2551 < col3;
DROP TABLE tab2;
CREATE INDEX idx_tab3_1 ON tab3 (col1 DESC,col4);
CREATE UNIQUE INDEX idx_tab2_0 ON tab2 (col4,col0 DESC);
CREATE INDEX idx_tab1_1 on tab1 (col1);
CREATE INDEX idx_tab1_4 on tab1 (col4);
DELETE FROM tab0 WHERE (col1 >= 8.59 OR (col3 < 6 OR (((col4 > 3.47)))));
CREATE UNIQUE INDEX idx_tab3_4 ON tab3 (col4 DESC,col3);
CREATE UNIQUE INDEX idx_tab4_4 ON tab4 (col4 DESC,col1);
SELECT pk FROM tab4 WHERE NOT (col3 = 3 AND ((col1 <= 3.82)) OR col4 < 5.42);
SELECT pk FROM tab1 WHERE NOT (col3 < 9 AND (col0 > 2) OR col3 IS NULL);
DELETE FROM tab3 WHERE col0 < 5;
DELETE FROM tab0 WHERE col1 = 4.63 AND col0 >= 4 OR col1 <= 8.84;
CREATE INDEX idx_tab4_0 ON tab4 (col1,col4);
CREATE INDEX idx_tab4_1 ON tab4 (col0);
SELECT pk FROM tab1 WHERE NOT ((col3 < 9));
CREATE UNIQUE INDEX idx_tab4_2 ON tab4 (col4 DESC);
SELECT pk FROM tab2 WHERE col0 = 1;
SELECT pk FROM tab0 WHERE (col1 < 4.78 OR (col4 <= 5.34) AND col3 <= 9 OR col3 BETWEEN 3 AND 8 OR (col3 < 9 OR col3 = 9 AND (col1 < 3.69 AND (col3 = 2) OR (col0 <= 0 AND col3 < 3 OR col0 < 8 AND col1 = 0.93)) OR col4 > 1.98 AND col0 < 8 AND (((col3 IS NULL) AND col3 >= 0) AND (col4 >= 6.14) OR col0 > 3 OR col0 > 9 OR (col0 < 9) AND col4 < 2.27 OR col4 < 0.57 AND col1 BETWEEN 3.69 AND 4.51) AND col0 <= 2)) AND (col1 BETWEEN 7.16 AND 9.49) OR (col4 IN (3.84,1.31,1.90,7.12,9.42) OR col0 BETWEEN 6 AND 2 AND (col3 <= 4));
CREATE TABLE tab4(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT, col3 INTEGER, col4 FLOAT, col5 TEXT);
CREATE UNIQUE INDEX idx_tab4_2 ON tab4 (col3);
DELETE FROM tab0 WHERE (col4 < 3.16);
CREATE INDEX idx_tab3_3 ON tab3 (col0);
DROP TABLE tab0;
DELETE FROM tab0 WHERE ((((((((((col4 <= 3.96))))))))) OR (col4 < 1.69 AND col0 IS NULL AND (col1 <= 9.65) OR col1 = 2.31 AND (col0 <= 7)));
INSERT INTO tab3 SELECT * FROM tab0;
CREATE INDEX idx_tab4_4 ON tab4 (col4);
DELETE FROM tab3 WHERE col1 = 7.87 AND (col3 > 5);
CREATE INDEX idx_tab2_3 ON tab2 (col4);
DELETE FROM tab2 WHERE (col1 = 3.90);
SELECT pk FROM tab3 WHERE col1 > 2.91;
SELECT pk FROM tab2 WHERE NOT ((col3 <= 9 OR col0 < 9) AND col0 IS NULL AND (((col0 > 5))) OR col4 > 4.67);
DELETE FROM tab1 WHERE col3 IN (3,2,5);
SELECT pk FROM tab3 WHERE NOT ((col3 >= 2));
CREATE UNIQUE INDEX idx_tab3_3 ON tab3 (col4 DESC,col1 DESC);
CREATE TABLE tab2(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT, col3 INTEGER, col4 FLOAT, col5 TEXT);
INSERT INTO tab0 VALUES(294,7912,3912.73,'stacl',3778,8528.33,'bebes');
INSERT INTO tab0 VALUES(589,6145,5549.99,'ualkz',609,5793.22,'zfsaw');
INSERT INTO tab0 VALUES(884,6138,1130.80,'mysra',6314,2694.84,'ipbhu');
INSERT INTO tab0 VALUES(66,9670,2100.57,'iqgmq',2546,3298.85,'wfhgg');
INSERT INTO tab0 VALUES(361,6417,6993.34,'apmhx',1425,1542.43,'jsvbi');
INSERT INTO tab0 VALUES(656,1676,8310.9,'nidqi',8017,3136.57,'aotno');
INSERT INTO tab0 VALUES(951,3780,9487.26,'cgnvb',5489,7016.4,'djviy');
INSERT INTO tab0 VALUES(158,1572,3643.68,'ptqfk',18,4598.22,'hfeky');
INSERT INTO tab0 VALUES(453,1505,3589.1,'xdfys',8609,7236.90,'wngmn');
INSERT INTO tab0 VALUES(748,7477,3389.50,'ydppc',204,4018.89,'jdyse');
SELECT pk FROM tab0 WHERE NOT ((((col3 >= 1820))));
INSERT INTO tab0 VALUES(265,6481,2124.32,'dbgxe',6534,369.22,'qaxan');
INSERT INTO tab0 VALUES(560,4232,6371.94,'dwrmz',8078,133.87,'gpujw');
INSERT INTO tab0 VALUES(855,7559,4680.61,'rhlih',1226,2901.77,'dsila');
INSERT INTO tab0 VALUES(19,5753,7512.42,'qjtnj',827,9003.42,'yqyya');
INSERT INTO tab0 VALUES(314,5238,2714.79,'rzyqd',3133,3998.12,'xkowc');
INSERT INTO tab0 VALUES(609,3169,6250.5,'iiuaf',427,7239.89,'pyxdx');
INSERT INTO tab0 VALUES(904,2969,6294.23,'ezvxz',7526,2709.99,'sdquo');
INSERT INTO tab0 VALUES(142,9865,9555.38,'kyhjo',4316,8142.11,'pjfqc');
INSERT INTO tab0 VALUES(437,2966,370.25,'aurjx',5886,9195.97,'vjwoj');
INSERT INTO tab0 VALUES(732,8637,6763.96,'bztau',820,470.16,'iepbg');
SELECT pk FROM tab1 WHERE col0 <= 1965;
INSERT INTO tab0 VALUES(207,5642,4512.62,'gktas',5531,1553.64,'jvehi');
INSERT INTO tab0 VALUES(502,1110,3809.77,'bdshz',8700,5107.5,'mzpal');
INSERT INTO tab0 VALUES(797,9396,7000.54,'cihbc',5570,6939.67,'ltylf');
DELETE FROM tab2 WHERE col0 >= 3013 OR col3 >= 3101;
INSERT INTO tab0 VALUES(284,7930,8977.29,'ywntf',342,2888.76,'qkndr');
INSERT INTO tab0 VALUES(579,6632,1267.55,'zppfs',8462,8525.29,'vqagk');
INSERT INTO tab0 VALUES(874,6298,7972.79,'qegus',9760,2714.32,'tfxaw');
INSERT INTO tab0 VALUES(141,7081,2279.37,'qsjup',6018,6596.1,'dmasy');
INSERT INTO tab0 VALUES(436,3634,4551.51,'omsir',6752,9541.73,'swqwj');
INSERT INTO tab0 VALUES(731,3928,7476.39,'zgfcd',282,8013.12,'vptaz');
DELETE FROM tab0 WHERE col3 < 7769;
INSERT INTO tab0 VALUES(263,1235,8149.50,'kkqka',6119,2987.56,'pcgdy');
INSERT INTO tab0 VALUES(558,2916,4678.78,'smmrc',8350,5793.33,'bmgas');
INSERT INTO tab0 VALUES(853,7869,9790.47,'jgcxa',1592,9750.0,'pweyh');
INSERT INTO tab0 VALUES(118,8198,178.64,'igybz',9687,8587.4,'aqgid');
INSERT INTO tab0 VALUES(413,6522,9304.79,'wsbre',9172,838.2,'nrhfr');
INSERT INTO tab0 VALUES(708,2215,9084.42,'mcvrf',4566,5780.57,'rbovi');
SELECT pk FROM tab1 WHERE (col0 = 38 OR col4 IN (76.90,41.19) AND col4 < 10.78);
SELECT pk FROM tab3 WHERE (((((((col0 <= 30) OR col0 > 30))) OR ((((col0 >= 46))) AND col3 < 35) OR col4 <= 20.61) AND ((col4 >= 5.13 OR (col3 IN (3,70,95,79) OR ((col0 < 4 OR (col0 <= 7) AND col4 >= 42.54 AND col4 > 16.93 OR (col3 > 63) AND col3 = 83 AND col3 > 36 OR col3 = 33 AND col3 < 41))))))) AND col0 < 87 AND col1 > 15.1 AND col1 < 64.94 AND col3 >= 84 AND col3 < 62 OR ((col1 < 17.54) AND col3 < 83 OR (col0 < 41 AND (col4 >= 21.52)) AND col0 > 62 AND col3 > 71 OR (col1 IN (74.8,64.45,28.56,24.73,25.60,61.33)) OR col3 BETWEEN 78 AND 35 AND col3 BETWEEN 11 AND 42 AND col3 > 16) AND (col0 <= 91 AND col3 >= 5) OR col0 BETWEEN 66 AND 73;
SELECT pk FROM tab0 WHERE (((col1 <= 2.87 AND ((col0 >= 74) OR (((col0 >= 43 AND ((col3 BETWEEN 10 AND 47 OR col1 BETWEEN 40.81 AND 78.22 OR col0 > 77)) AND col3 > 70 AND col0 > 57 OR col3 < 32) AND col4 IN (72.27,56.54) AND col1 IS NULL AND col3 > 79) AND (((col1 >= 84.30) OR ((col3 < 30) OR col0 >= 27)))) OR (((col1 IS NULL)) AND col1 IS NULL)) OR ((((((col1 = 51.32 OR (((col0 > 72) OR col1 > 98.68)))) OR (col0 < 42))))) AND (col4 BETWEEN 77.48 AND 56.64 AND ((col1 > 12.32) AND col3 >= 55 OR col3 >= 19) AND col4 > 4.60 AND col0 BETWEEN 42 AND 6 OR (((((col3 IN (37,36))))))) AND col0 < 65 OR ((col0 < 24)) AND (((((col4 = 99.70 AND (col4 < 58.8)))))) AND col3 <= 65 OR col4 >= 98.94 AND (((col0 = 69))) AND ((col3 <= 5)))) OR col0 = 81);
SELECT pk FROM tab2 WHERE col3 IN (89,53,8,80,91);
SELECT pk FROM tab4 WHERE (col4 IN (0.76,46.47,24.16,38.51,36.48));
SELECT pk FROM tab1 WHERE col3 <= 80 OR ((col0 IN (56,33,52))) OR col3 IS NULL OR col0 >= 42;
SELECT pk FROM tab3 WHERE ((((col3 > 52) AND col3 < 56) AND (col3 = 63) OR col1 < 73.70) AND (col3 IN (SELECT col0 FROM tab3 WHERE col4 = 5.97) AND col0 < 57 OR col0 > 39 OR (col3 < 10 AND col0 IN (34,92,66) AND (((col0 IN (76)) OR col3 < 53) OR col3 < 97)) AND col3 > 57));
SELECT pk FROM tab0 WHERE col3 IN (49,91,39,38,14);
SELECT pk FROM tab2 WHERE col3 IS NULL AND (((((col3 IS NULL) OR ((col1 < 6.33 OR (col0 IS NULL))) OR (col3 < 75))))) AND (col4 >= 99.28) AND col3 IN (16,29) AND col3 <= 52 AND (col4 = 0.87) OR (((col0 >= 86 AND col1 > 24.92 AND (col0 <= 93) AND ((col3 >= 52))) AND col3 < 60 AND (col0 < 63 AND col3 = 19))) AND (((col0 IN (79,23,63) OR (col4 >= 6.91)) AND (col3 < 56) AND col3 >= 60 OR ((((col3 < 50))) AND col3 IS NULL OR col1 > 78.66 AND col3 IN (53) OR (col1 IS NULL) AND col0 = 16) OR col0 > 62) AND col3 >= 92 OR col0 = 78) AND col3 <= 31 AND (col0 <= 92) OR col3 >= 28 OR ((((((((((col3 < 59 AND col3 < 88 OR col3 > 76 OR (col4 < 18.82 AND col0 IN (SELECT col3 FROM tab2 WHERE col4 <= 31.4 AND ((col1 < 70.0 AND col0 <= 9)) AND (col0 < 54) AND col4 < 79.21) OR (col1 BETWEEN 9.83 AND 11.6))))))))))) OR col4 >= 58.25);
SELECT pk FROM tab4 WHERE col0 IN (16,35,61,47,66) AND col3 > 79;
SELECT pk FROM tab1 WHERE ((col3 IS NULL) OR col0 < 91) AND (col1 = 36.86) OR ((col0 < 82)) AND col3 IN (30,98,82,5) OR col3 <= 58 OR col0 < 17 AND ((col0 > 59)) AND (col1 IN (19.86) AND (col1 >= 61.61) OR col0 > 39 OR (col3 IS NULL OR col0 BETWEEN 9 AND 97 AND (col3 < 89) AND (col0 IS NULL AND col0 >= 96)) OR col3 >= 46 AND col4 >= 15.64) AND col4 >= 76.60 OR col0 = 38;
SELECT pk FROM tab3 WHERE (((col1 > 95.96)) AND (col3 < 71 AND col4 IN (15.42,56.88,16.54,90.3,47.93,67.73)) AND (col0 = 14 OR (col0 < 15)) OR ((((col4 < 31.44 AND col3 > 58)))));
SELECT pk FROM tab0 WHERE (((col1 >= 69.92)) AND col1 IS NULL OR col4 >= 86.6 AND col3 > 99 AND (col0 < 1 AND col0 > 68 AND col0 < 56) AND col0 IN (97,3,26) AND ((col1 > 57.89)));
SELECT pk FROM tab2 WHERE (((col0 IN (89,76,29,28) OR col3 > 56) AND (col3 > 26 OR (col3 < 12 OR (col0 < 97 AND (col3 >= 65) AND (col0 > 67 AND (((col4 IN (96.79,86.1,95.78,36.37,19.96,1.33) AND col3 IN (49,70,70,65,52)) OR (((col0 >= 67 OR col1 < 39.70 OR (col3 IS NULL) AND col0 < 43 OR (col3 IN (87,36,73,89)) AND col1 IS NULL AND (col3 > 8 AND (col0 > 42 AND (col3 < 51 OR col1 > 45.89 OR col0 > 2 AND col0 = 58))) OR col0 < 1 OR (col0 >= 2) OR ((col1 < 66.17 OR col0 > 73 AND col3 < 11)) AND ((((col1 < 70.62 OR ((col4 BETWEEN 13.3 AND 9.44 OR ((col1 > 46.92) OR ((col1 > 77.41) AND col3 < 61 OR (col3 < 28) AND col0 > 54 AND col0 < 93 OR col0 >= 72 OR col1 < 83.34 OR col0 < 15) AND (col1 < 66.92) AND col3 = 10 OR col3 >= 22 OR col3 > 60 OR (col4 >= 96.43) AND col3 >= 19) AND ((col1 IN (95.53,68.0,93.41)) AND col3 IN (58,59,54,8,16) AND col3 <= 22 OR (col1 >= 58.81 AND col0 > 38 OR col1 <= 23.6 AND col3 >= 43) OR (col1 > 46.97))) OR (col3 IN (9,71,94) AND (col0 <= 11))) AND ((col0 = 65 AND col3 >= 49) AND col0 >= 14) OR col1 > 43.54 AND col0 >= 35 AND (col0 < 15) OR (col4 > 74.99))))) OR col3 > 40) AND col3 > 81 OR ((col0 < 98)) AND col4 >= 83.42 OR col0 > 55)) OR col0 = 83)) OR (col0 < 79)) OR col3 > 91 OR col3 <= 12) AND (col1 < 2.53 AND col4 < 50.57)) AND col0 > 58 AND col0 IS NULL OR ((col4 > 21.58) OR col3 = 93) AND ((col3 = 75 OR col3 < 54))) AND col3 > 18 AND col0 = 86 OR ((((col0 <= 87 AND col3 > 20)))) AND col0 >= 39 AND ((col3 >= 98) OR col3 >= 94))) AND col3 >= 98;
SELECT pk FROM tab4 WHERE col4 < 16.88 OR col4 IN (48.42,65.46,91.80,90.50,91.10) AND col1 < 78.17;
SELECT pk FROM tab1 WHERE col4 IN (26.29,29.69,79.4,27.61,60.26,53.56);
SELECT pk FROM tab3 WHERE ((((((col3 IS NULL)))) AND col1 > 12.6 AND (((col1 < 31.7 AND (col1 < 36.96 AND (((col0 <= 31))) OR (col3 < 98)))) AND col1 >= 4.61 AND (col0 < 77 AND (((((col3 < 64)) AND col0 > 60 OR col3 IN (SELECT col0 FROM tab3 WHERE col3 <= 37) AND (col3 > 75))) AND (((col3 >= 5))) OR (((col0 >= 55 OR col3 IN (45,40,56,49) OR (col4 = 55.77) OR ((col0 > 61 AND col3 > 21 OR col0 >= 89)) AND col0 > 86) OR (col0 > 58) OR col3 = 60))) OR col1 >= 3.45 OR col1 <= 32.64 AND col3 = 67 AND col1 <= 70.44 OR col4 < 91.34 OR col1 > 23.18 AND col1 > 10.41)) OR (col3 > 36) OR col4 >= 16.63));
SELECT pk FROM tab0 WHERE col1 < 70.35 AND ((col3 < 23 OR (((col3 >= 76 OR (col3 <= 43) OR ((col4 < 37.23)))) AND col0 <= 1 AND (col4 = 78.46 AND (col3 > 89) AND (col3 <= 66)) AND col3 = 66 OR col3 IS NULL AND col0 IN (19,17,82)) AND ((col0 >= 74) AND (((col0 > 89 AND col3 BETWEEN 97 AND 90) AND col1 < 76.71)) OR (col0 IN (23,65,73,80))) AND col0 > 52 AND col1 <= 22.99 AND col4 >= 18.54 AND col0 BETWEEN 61 AND 45)) AND col0 > 18;
SELECT pk FROM tab2 WHERE (col4 > 24.33) AND col3 IN (51,30,68,93,5);
SELECT pk FROM tab4 WHERE col4 IN (44.16,61.96,87.50);
SELECT pk FROM tab0 WHERE (col3 IN (77,50)) AND ((col0 >= 27 AND col0 < 33 AND col0 IN (9,8,31,81) AND (col1 < 44.78)));
SELECT pk FROM tab2 WHERE col0 IN (70,67);
SELECT pk FROM tab4 WHERE (col0 = 0 OR (col3 <= 2) OR col4 IN (42.88,2.12,78.57) OR col1 < 6.17) AND col0 IS NULL;
SELECT pk FROM tab1 WHERE (col0 < 20 OR ((((col0 >= 38 OR col0 <= 49 OR col4 = 66.70 OR (col0 < 76 AND (((col0 <= 27)) OR col0 > 48) OR col0 >= 75 OR col0 <= 85 AND col4 IS NULL OR col3 = 14 OR ((col0 > 57)) OR col0 = 66 AND col4 = 29.13) OR (((col1 = 46.68))))) AND col3 < 50))) OR col1 <= 65.52 AND col0 <= 62 AND (col3 > 19) AND (((col3 > 80 AND (col0 IN (10,84,54,23,65,40)))) OR col3 < 68 OR col3 >= 38 OR (((((col0 > 68 OR (col0 >= 28)) AND col0 > 42) AND ((((col0 <= 38 OR ((col3 < 27)))) OR (col0 > 28)) AND ((((col3 < 19)) AND ((col0 > 25))))))) AND col0 IS NULL AND ((col4 <= 58.38 OR col1 < 0.25 OR (((col1 >= 56.69)))))) OR col1 <= 2.13);
SELECT pk FROM tab3 WHERE col0 > 5 AND (((((col0 = 42) OR (col3 > 51 AND col1 > 63.7 AND col1 IN (76.1,43.2,81.19,39.23) OR col0 > 13) OR col0 > 27) OR ((((col0 >= 7) OR col4 > 71.10)) AND col3 > 7)))) AND col1 < 40.84;
SELECT pk FROM tab0 WHERE (col4 IN (15.31,98.42,79.79,30.38,68.18) AND col3 < 27 OR col4 > 7.21);
SELECT pk FROM tab2 WHERE col4 < 7.91 AND col3 < 9 AND col0 > 58 AND (col1 IN (36.61,66.63,61.89,64.54,26.13));
SELECT pk FROM tab4 WHERE (col1 IN (25.25,58.39,65.68,84.40) OR col3 IN (76,22));
SELECT pk FROM tab1 WHERE (col1 IN (17.22,59.36,72.87,61.29,25.45));
SELECT pk FROM tab3 WHERE (col4 <= 20.73 AND col3 >= 53 AND col3 = 56 OR col0 < 36 AND (col0 = 33) AND ((col4 >= 89.51)) OR col3 > 49 OR col3 < 22 AND col0 < 34 AND (((col0 > 12)) AND col3 >= 56) AND col3 IN (11,70,28,28,9) AND col3 > 22);
SELECT pk FROM tab0 WHERE col0 < 20 AND col0 IN (30,2,65,80) AND (col4 > 6.33 AND col3 IN (31,77,22,83,10));
SELECT pk FROM tab2 WHERE col1 <= 16.99 AND ((((col3 = 31 OR col0 < 12) OR col0 < 74 OR col1 > 16.33 OR (col1 IN (38.91,73.81,53.33)) AND (((col1 >= 35.67))) OR col0 = 85))) AND (col3 = 94);
SELECT pk FROM tab4 WHERE col4 IN (63.50,14.61,38.9,53.39,84.89,68.54);
SELECT pk FROM tab1 WHERE ((col0 = 87 AND col0 IN (28,61,30,69,79) OR ((col0 >= 78) OR col1 >= 80.57) OR col0 = 8));
SELECT pk FROM tab3 WHERE (col3 < 54) AND col3 IS NULL AND col1 IN (3.61,6.59,97.74,84.40,32.78,78.50) AND col3 > 36;
SELECT pk FROM tab0 WHERE col0 >= 70 OR (col4 > 19.85 OR ((((col1 > 52.90 AND (col3 >= 29) AND (((col4 >= 16.69) AND col4 = 86.60) AND (col3 >= 38 AND col3 <= 54 OR (col3 >= 54)) AND (((col0 > 25 AND (((((col1 IN (82.96,51.39,61.32,64.46))))) AND (col4 >= 80.96) AND (col0 < 31) AND col0 <= 99) AND col4 = 61.89 AND col0 > 10 OR col1 > 11.49 AND ((((col3 > 38 AND (((col1 < 84.8 AND ((col0 < 56))))))))) OR col3 < 33 OR col3 = 21 AND col3 <= 84 AND col3 IS NULL))) AND col0 > 31) AND col3 = 24) AND ((col0 = 86)) AND col0 > 9)) OR col4 = 21.64 OR col0 >= 98 OR (col0 > 46) AND col3 >= 50 OR col1 >= 66.17 AND ((col3 > 10)) OR col3 <= 13 AND col4 < 45.29 AND ((col3 < 33 OR ((col0 > 22) AND col0 > 53 AND (((col4 IS NULL)) AND col4 < 99.18) OR col4 IN (SELECT col1 FROM tab0 WHERE col4 BETWEEN 87.50 AND 0.44 AND col1 < 61.15)) AND ((col0 <= 9) AND col0 > 35 AND (col0 <= 77) OR col1 < 59.95 OR col0 BETWEEN 82 AND 55 AND col3 <= 78 AND col3 > 84 OR ((col1 < 46.70)) OR col3 < 90) OR col3 < 80 AND ((col0 = 83)))) AND (col3 > 58 AND col3 > 38 AND col0 < 15))) OR (col3 <= 91);
SELECT pk FROM tab2 WHERE (col3 IN (0,59,2,52,23,85));
SELECT pk FROM tab4 WHERE col0 IS NULL OR col3 >= 82 AND (((col1 = 25.17) AND (col0 >= 77) OR col0 <= 33 AND col0 <= 22 OR col3 >= 99 AND (col0 < 5)) AND col3 > 84) AND ((col3 < 78)) OR ((col0 IS NULL)) AND (col3 > 99 AND col1 <= 63.15 AND col3 BETWEEN 49 AND 44 OR col4 IN (3.85,37.15,58.84,5.74,24.25) AND col0 <= 59) AND (col3 >= 14 AND col4 > 17.42 OR col4 = 12.69 OR col3 > 50);
SELECT pk FROM tab1 WHERE (col3 IN (55,45,99) OR (col1 > 3.54 OR col0 >= 33 AND col4 <= 95.38)) AND col0 >= 50;
SELECT pk, col0 FROM tab0 WHERE col0 > 261 ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab2 WHERE (col4 > 65.97) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab4 WHERE (col1 IN (449.15,386.27,586.64,453.29,21.34,30.11)) ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab1 WHERE ((col4 > 833.2 AND ((col0 > 346)))) ORDER BY 1,2;
SELECT pk, col0 FROM tab3 WHERE col0 > 440 AND col4 >= 177.39 OR (col3 > 475 OR (col4 < 723.37) AND ((col3 > 920 AND col0 < 77) AND col1 >= 907.46)) ORDER BY 2 DESC;
SELECT pk, col0 FROM tab0 WHERE (col1 >= 201.66) ORDER BY 2 DESC,1;
SELECT pk FROM tab2 WHERE col0 IN (SELECT col3 FROM tab2 WHERE (col3 = 877)) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab4 WHERE col0 > 382 ORDER BY 1;
SELECT pk, col0 FROM tab1 WHERE (col3 < 529 AND ((col0 = 436)) AND (col1 >= 666.67 AND col0 IS NULL)) ORDER BY 2,1;
SELECT pk FROM tab3 WHERE col0 IN (570,658,279,598) ORDER BY 1;
SELECT pk, col0 FROM tab0 WHERE col3 >= 225 ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab2 WHERE (col4 < 868.16) OR (col1 >= 320.17 OR col0 > 383) ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab4 WHERE (col3 < 165) OR ((col4 <= 831.80 AND ((col3 >= 665) AND col4 >= 457.14))) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab1 WHERE col3 = 649 ORDER BY 1,2 DESC;
SELECT pk, col0 FROM tab3 WHERE col1 <= 825.28 ORDER BY 1,2;
SELECT pk, col0 FROM tab0 WHERE (col0 < 827) ORDER BY 1;
SELECT pk, col0 FROM tab2 WHERE col0 < 847 ORDER BY 2 DESC,1;
SELECT pk FROM tab4 WHERE ((col1 <= 75.11)) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab1 WHERE col0 = 515 ORDER BY 2;
SELECT pk, col0 FROM tab3 WHERE col0 < 603 ORDER BY 2,1;
SELECT pk, col0 FROM tab4 WHERE col0 < 830 ORDER BY 1,2 DESC;
SELECT pk FROM tab1 WHERE col0 = 687 ORDER BY 1 DESC;
SELECT pk, col0 FROM tab3 WHERE col3 > 421 ORDER BY 1;
SELECT pk, col0 FROM tab0 WHERE col0 = 574 AND col0 = 25 AND col3 < 235 OR col4 IS NULL AND col3 <= 895 AND (((col3 > 291))) ORDER BY 2,1;
SELECT pk FROM tab2 WHERE col3 > 723 ORDER BY 1;
SELECT pk, col0 FROM tab4 WHERE col3 < 163 ORDER BY 2;
SELECT pk, col0 FROM tab1 WHERE ((col0 < 685 AND ((col1 = 646.73))) OR col0 >= 597) ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab3 WHERE col4 >= 897.2 AND col3 > 156 ORDER BY 1 DESC;
SELECT pk, col0 FROM tab0 WHERE col0 <= 870 AND (col1 >= 217.77) ORDER BY 1,2 DESC;
SELECT pk, col0 FROM tab2 WHERE col4 BETWEEN 905.19 AND 197.84 ORDER BY 1,2;
SELECT pk, col0 FROM tab4 WHERE col0 < 55 ORDER BY 2 DESC;
SELECT pk, col0 FROM tab1 WHERE (col3 <= 405) AND ((col3 <= 78)) ORDER BY 2 DESC,1;
SELECT pk FROM tab3 WHERE col0 >= 681 ORDER BY 1 DESC;
SELECT pk, col0 FROM tab0 WHERE col4 < 493.16 OR ((col0 = 749 OR (col0 >= 147) OR (col0 > 248) AND col1 = 689.27) AND col3 BETWEEN 784 AND 65) ORDER BY 2;
SELECT pk, col0 FROM tab2 WHERE col0 >= 751 ORDER BY 2,1;
SELECT pk FROM tab4 WHERE (col3 < 959) OR col1 <= 634.90 ORDER BY 1;
SELECT pk, col0 FROM tab1 WHERE (col4 < 457.61) ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab3 WHERE col4 >= 79.11 ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab0 WHERE (col4 = 459.33) AND (col3 >= 202) ORDER BY 2 DESC;
SELECT pk, col0 FROM tab0 WHERE col3 = 66 OR col0 <= 78 AND (col0 >= 24 AND ((col0 <= 94))) ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab2 WHERE (col3 >= 39) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab4 WHERE col0 >= 12 ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab1 WHERE col3 IN (0,97,21,80,35,58) ORDER BY 1,2;
SELECT pk, col0 FROM tab3 WHERE col4 IN (56.25,93.23,99.24,72.57,42.73) OR (((col3 = 77))) AND col3 < 97 AND ((((col3 > 88) AND col4 >= 29.50 OR ((col0 <= 94))))) AND col4 = 54.39 OR (col3 < 30 OR col0 > 88 OR col3 < 86) AND col3 IS NULL OR (col3 >= 81 OR (col4 >= 48.98)) OR col3 > 68 OR col0 = 30 AND ((((col1 <= 62.43) AND (col3 <= 45) AND (col0 > 28 AND col4 < 8.26) OR col0 > 60 OR (col0 > 6) AND col0 <= 39 AND col1 IS NULL OR col0 > 45 OR ((col3 IS NULL AND (col0 < 79) AND col4 = 39.30 AND col0 IS NULL)) OR col1 < 89.26 AND col4 < 52.7) AND (col1 <= 23.62) AND col3 = 88)) AND (((((col3 > 6) OR ((col0 IS NULL) AND col1 > 39.15))))) AND col4 > 76.33 AND (col4 > 60.98 OR (col3 > 18)) ORDER BY 2 DESC;
SELECT pk, col0 FROM tab0 WHERE (col0 IN (35,30,47,88,39,54) OR col0 <= 16) ORDER BY 2 DESC,1;
SELECT pk FROM tab2 WHERE (col1 <= 78.93) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab4 WHERE col3 > 95 AND col0 IS NULL AND col0 <= 10 AND ((col4 < 8.55)) ORDER BY 1;
SELECT pk, col0 FROM tab1 WHERE (col1 <= 91.23) ORDER BY 2,1;
SELECT pk FROM tab3 WHERE (col4 < 4.2) ORDER BY 1;
SELECT pk, col0 FROM tab0 WHERE (col3 >= 71 OR col3 < 63) ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab2 WHERE (col3 < 37) ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab4 WHERE col4 >= 85.42 OR (col0 <= 17) OR col4 > 97.42 AND (col3 > 23) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab1 WHERE ((((col3 IN (15,54)))) AND (col4 <= 68.33 AND col0 > 72 OR (col0 < 95))) ORDER BY 1,2 DESC;
SELECT pk, col0 FROM tab3 WHERE col1 BETWEEN 10.82 AND 43.15 AND (col3 <= 48 AND (col1 IS NULL) OR ((col4 = 57.6) OR col3 > 15) AND (col1 = 72.70) AND col4 IN (26.41,25.85,95.2)) OR (col3 = 82) AND col1 > 40.26 ORDER BY 1,2;
SELECT pk, col0 FROM tab0 WHERE col4 <= 90.32 ORDER BY 1;
SELECT pk, col0 FROM tab2 WHERE ((col0 = 43)) AND (col1 > 80.80) AND (col1 IS NULL OR col4 = 80.43) ORDER BY 2 DESC,1;
SELECT pk FROM tab4 WHERE col1 <= 0.33 AND col0 > 72 ORDER BY 1 DESC;
SELECT pk, col0 FROM tab1 WHERE col3 < 19 AND col0 <= 54 AND col1 <= 8.66 ORDER BY 2;
SELECT pk, col0 FROM tab3 WHERE col4 = 30.32 AND ((col1 <= 97.37)) OR (col4 < 40.24) ORDER BY 2,1;
SELECT pk, col0 FROM tab2 WHERE (col0 BETWEEN 30 AND 0) OR col0 > 93 AND (col0 < 37) AND col0 = 83 ORDER BY 1,2 DESC;
SELECT pk, col0 FROM tab4 WHERE (col0 > 86 AND col3 <= 2 OR (col0 > 0) AND (col1 > 86.38)) ORDER BY 1,2;
SELECT pk, col0 FROM tab1 WHERE (((col1 <= 78.32))) OR col0 >= 6 AND (col0 IN (48,96)) ORDER BY 1;
SELECT pk, col0 FROM tab3 WHERE ((((col0 <= 45 AND ((col0 = 93 OR (col0 > 45) AND col0 > 68))))) OR col0 >= 67 AND (col3 = 9 AND col0 <= 32) OR col3 = 21 OR col3 >= 55) ORDER BY 2 DESC,1;
SELECT pk FROM tab0 WHERE (col3 >= 92) OR col0 <= 69 ORDER BY 1;
SELECT pk, col0 FROM tab2 WHERE col0 < 46 ORDER BY 2;
SELECT pk, col0 FROM tab4 WHERE col3 > 89 ORDER BY 2,1;
SELECT pk, col0 FROM tab1 WHERE col1 < 31.58 ORDER BY 1 DESC;
SELECT pk, col0 FROM tab3 WHERE col0 < 99 ORDER BY 1 DESC,2 DESC;
SELECT pk, col0 FROM tab0 WHERE ((col3 >= 47) AND col1 > 29.34) ORDER BY 1,2;
SELECT pk, col0 FROM tab2 WHERE (((col1 > 7.60))) OR col3 >= 56 ORDER BY 2 DESC;
SELECT pk, col0 FROM tab4 WHERE (col1 < 36.22 AND col0 < 23) ORDER BY 1,2 DESC;
SELECT pk FROM tab1 WHERE (col0 >= 71) ORDER BY 1 DESC;
SELECT pk, col0 FROM tab3 WHERE (col3 = 24 AND (col3 < 65) AND col3 <= 43) ORDER BY 1;
SELECT pk, col0 FROM tab0 WHERE col0 < 65 ORDER BY 2,1;
SELECT pk FROM tab2 WHERE col1 > 62.65 ORDER BY 1;
SELECT pk, col0 FROM tab4 WHERE col0 <= 79 AND col0 = 43 AND col4 < 16.6 AND col0 < 20 AND (col3 < 18) OR col0 > 89 ORDER BY 2;
SELECT pk, col0 FROM tab1 WHERE (col1 < 52.21 AND (col3 < 30)) ORDER BY 1 DESC,2;
SELECT pk, col0 FROM tab3 WHERE col1 IN (28.32,28.11,18.84,61.82) ORDER BY 1 DESC;
INSERT INTO tab0 VALUES(50,929168,681091.41,'brrii',785552,407867.43,'engvw');
INSERT INTO tab0 VALUES(101,284301,443695.89,'qciga',698272,834320.65,'bggqw');
INSERT INTO tab0 VALUES(152,152374,203155.26,'ifgqw',348175,413116.82,'ikmyo');
INSERT INTO tab0 VALUES(203,619750,669006.50,'zkvaj',324493,345092.43,'hbayq');
INSERT INTO tab0 VALUES(254,852966,310577.29,'fnziz',609191,653228.51,'oeqyf');
INSERT INTO tab0 VALUES(305,973510,731994.92,'xuktm',451721,557861.49,'oibme');
INSERT INTO tab0 VALUES(356,933044,47088.14,'oripd',244171,851562.9,'vqjvr');
INSERT INTO tab0 VALUES(407,388275,254486.4,'otkcg',396148,274139.18,'nqjfh');
INSERT INTO tab0 VALUES(458,575988,612609.94,'rnnnm',209869,887756.67,'pfyos');
INSERT INTO tab0 VALUES(509,188049,14587.26,'klwti',755157,451721.37,'jjmfs');
INSERT INTO tab0 VALUES(560,246398,363342.39,'hrkih',744354,797698.88,'rffdy');
INSERT INTO tab0 VALUES(611,978057,946594.55,'jzkjk',407440,204589.47,'ospna');
INSERT INTO tab0 VALUES(662,690093,811767.69,'npngo',366913,773559.91,'hrtra');
INSERT INTO tab0 VALUES(713,644744,141082.36,'tdksy',512878,803009.41,'aprdt');
INSERT INTO tab0 VALUES(764,934204,626556.59,'vlaoh',878051,163696.45,'bnvgi');
INSERT INTO tab0 VALUES(815,355865,844909.72,'imwpk',512664,673522.67,'euggj');
INSERT INTO tab0 VALUES(866,287078,632659.36,'eernk',359588,472747.75,'bhgzi');
INSERT INTO tab0 VALUES(917,560363,461120.17,'dklte',129211,398864.26,'rvnyd');
INSERT INTO tab0 VALUES(968,338287,811279.81,'xpakr',174530,361633.56,'skpbh');
CREATE INDEX idx_tab4_3 ON tab4 (col3);
INSERT INTO tab0 VALUES(43,2882,5420.36,'cxzzs',8077,6040.79,'onipz');
INSERT INTO tab0 VALUES(94,2727,7407.89,'jwdwq',5681,4355.29,'bcnsa');
INSERT INTO tab0 VALUES(145,9593,4251.69,'dtopv',6441,3031.23,'bbchf');
INSERT INTO tab0 VALUES(196,9066,2638.72,'rqsbd',7182,5032.70,'lplrc');
INSERT INTO tab0 VALUES(247,7295,7551.45,'pgklo',918,4748.35,'izmpf');
INSERT INTO tab0 VALUES(298,4748,1028.24,'yfmsb',610,6744.76,'abpjy');
INSERT INTO tab0 VALUES(349,9960,904.72,'zourn',2904,4510.87,'wpjpi');
INSERT INTO tab0 VALUES(400,3279,9566.12,'azbsm',1891,9212.30,'bosfz');
INSERT INTO tab0 VALUES(451,622,2704.71,'jhszf',2853,8445.73,'rpldz');
INSERT INTO tab0 VALUES(502,7223,8056.14,'ftvrk',6013,4975.30,'iljir');
INSERT INTO tab0 VALUES(553,1380,4162.83,'jkysg',286,5497.98,'hcboq');
INSERT INTO tab0 VALUES(604,8209,9112.30,'irzua',7026,9381.92,'enwml');
INSERT INTO tab0 VALUES(655,3392,9297.61,'bjczh',3783,7421.85,'vqobs');
INSERT INTO tab0 VALUES(706,6927,8160.69,'ujmxm',8044,591.45,'jzjct');
INSERT INTO tab0 VALUES(757,6880,4944.75,'bwmkz',989,8786.72,'wbvjs');
INSERT INTO tab0 VALUES(808,3132,3442.61,'nvcpx',1241,9580.35,'jnrfd');
INSERT INTO tab0 VALUES(859,1130,748.11,'qffkz',8610,6971.12,'ptsve');
INSERT INTO tab0 VALUES(910,5639,6008.49,'ymhzn',7854,134.24,'acopd');
INSERT INTO tab0 VALUES(961,4489,9168.71,'mygyb',2416,2170.75,'qktor');
DROP VIEW view_2_tab0_947;
SELECT pk, col0 FROM view_1_tab3_948 UNION ALL SELECT pk, col0 FROM view_2_tab3_948;
CREATE VIEW view_2_tab1_950 AS SELECT pk, col0 FROM tab1 WHERE NOT (col3 = 65 AND col4 < 86.42 AND col0 > 57);
DROP VIEW view_1_tab3_951;
SELECT pk, col0 FROM tab1 WHERE col0 > 55 UNION ALL SELECT pk, col0 FROM tab1 WHERE NOT (col0 > 55);
CREATE VIEW view_1_tab4_954 AS SELECT pk, col0 FROM tab4 WHERE ((col3 > 17)) OR col0 < 83;
SELECT pk FROM tab1 WHERE (col0 IN (36,50,61) OR col4 <= 91.8);
SELECT pk, col0 FROM view_2_tab4_957;
DROP VIEW IF EXISTS view_3_tab2_960;
SELECT * FROM view_3_tab4_961;
SELECT pk, col0 FROM view_1_tab2_963;
DROP VIEW IF EXISTS view_2_tab0_965;
SELECT pk FROM ( SELECT pk, col0 FROM tab2 WHERE col0 IS NULL OR col3 < 54 ) AS tab2_966;
SELECT pk, col0 FROM tab0 WHERE NOT ((col4 = 10.83));
DROP VIEW IF EXISTS view_1_tab3_969;
SELECT pk, col0 FROM view_1_tab0_971 UNION SELECT pk, col0 FROM view_2_tab0_971;
SELECT pk, col0 FROM tab3 WHERE ((((col4 < 66.39 AND (col3 BETWEEN 98 AND 12 AND col4 = 54.28 OR (col0 <= 33)) AND ((col3 > 12) AND col3 > 41) OR col3 IS NULL OR col4 >= 59.96 OR (col0 IS NULL) OR col3 > 38 AND (col0 < 63 OR col3 > 15) AND (col0 <= 60) AND col1 > 54.59 AND (col1 > 35.58) OR col0 > 50) AND col0 >= 90) OR col3 >= 66)) AND col1 BETWEEN 78.56 AND 62.45 OR ((col0 < 91)) OR col3 >= 6 OR col0 > 54 OR ((col4 >= 72.56 AND col1 > 69.83)) OR col3 < 28 OR col3 < 99;
DROP VIEW view_3_tab0_974;
SELECT pk, col0 FROM tab3 WHERE col1 > 60.69 UNION SELECT pk, col0 FROM tab3 WHERE NOT (col1 > 60.69);
CREATE VIEW view_3_tab1_977 AS SELECT pk FROM view_1_tab1_977;
DROP VIEW view_2_tab3_978;
SELECT pk, col0 FROM view_1_tab1_980 UNION ALL SELECT pk, col0 FROM view_2_tab1_980;
CREATE VIEW view_2_tab4_981 AS SELECT pk, col0 FROM tab4 WHERE NOT (col1 <= 24.39);
DROP VIEW view_1_tab1_983;
SELECT pk, col0 FROM tab4 WHERE (col0 > 42) AND ((col1 IS NULL)) OR ((((col3 > 72)))) OR (((col3 <= 90) AND ((col0 > 68)) AND (col0 IN (45,3,50,1) OR col4 < 9.99 OR col3 IN (76,97,24) AND col1 > 8.58 AND (col0 = 3) AND (col0 >= 50 AND col0 IN (SELECT col3 FROM tab4 WHERE ((col3 <= 60)))) OR (col0 > 40) OR col0 < 72) AND (col3 <= 99)) AND ((col3 IS NULL) OR ((((((col4 >= 86.47) OR ((col0 < 99) AND col3 IS NULL)))))) OR col1 < 21.99)) AND col4 < 9.77 AND col4 = 9.91 UNION ALL SELECT pk, col0 FROM tab4 WHERE NOT ((col0 > 42) AND ((col1 IS NULL)) OR ((((col3 > 72)))) OR (((col3 <= 90) AND ((col0 > 68)) AND (col0 IN (45,3,50,1) OR col4 < 9.99 OR col3 IN (76,97,24) AND col1 > 8.58 AND (col0 = 3) AND (col0 >= 50 AND col0 IN (SELECT col3 FROM tab4 WHERE ((col3 <= 60)))) OR (col0 > 40) OR col0 < 72) AND (col3 <= 99)) AND ((col3 IS NULL) OR ((((((col4 >= 86.47) OR ((col0 < 99) AND col3 IS NULL)))))) OR col1 < 21.99)) AND col4 < 9.77 AND col4 = 9.91);
CREATE VIEW view_1_tab2_986 AS SELECT pk, col0 FROM tab2 WHERE (col1 > 54.76);
SELECT pk FROM tab4 WHERE col0 >= 75;
SELECT pk, col0 FROM view_2_tab2_989;
DROP VIEW IF EXISTS view_3_tab0_991;
SELECT * FROM view_3_tab2_993;
SELECT pk, col0 FROM view_1_tab0_995;
DROP VIEW IF EXISTS view_2_tab3_996;
SELECT pk FROM ( SELECT pk, col0 FROM tab0 WHERE (col4 <= 32.24) AND col3 >= 16 AND col3 IN (35,45,28,30,47,60) AND col0 IS NULL ) AS tab0_998;
SELECT pk, col0 FROM tab3 WHERE NOT (col3 > 55 OR ((col0 >= 0 AND ((col3 <= 33 AND (col3 > 13) AND col1 > 55.14 AND col0 < 66 OR (col3 < 48) AND col1 >= 26.70)))));
DROP VIEW IF EXISTS view_1_tab1_1001;
SELECT pk, col0 FROM view_1_tab3_1002 UNION SELECT pk, col0 FROM view_2_tab3_1002;
SELECT pk, col0 FROM tab1 WHERE (col0 BETWEEN 13 AND 71 AND col0 BETWEEN 65 AND 39 OR (col0 >= 60) AND col3 = 69 AND col4 >= 48.72 OR (col0 = 96) AND col3 > 64 OR (col4 > 51.66)) OR (col3 = 63 OR col4 IS NULL) AND col1 = 31.58 OR (col0 <= 42);
DROP VIEW view_3_tab3_1005;
SELECT pk, col0 FROM tab1 WHERE col0 = 43 UNION SELECT pk, col0 FROM tab1 WHERE NOT (col0 = 43);
INSERT INTO tab0 VALUES(264,68972,18524.17,'cfcpq',62576,52258.21,'jssez');
INSERT INTO tab0 VALUES(529,78210,58657.85,'ruqhn',50982,10379.93,'hycrn');
INSERT INTO tab0 VALUES(794,10324,20449.66,'zjgwu',26556,55099.11,'fwnvp');
INSERT INTO tab0 VALUES(1059,6564,70773.89,'insvx',59548,66284.63,'omeoi');
INSERT INTO tab0 VALUES(1324,20874,38418.96,'pbybp',14160,41955.84,'nxeng');
INSERT INTO tab0 VALUES(1589,82397,26580.5,'jrgrf',11035,10806.16,'yajxl');
INSERT INTO tab0 VALUES(1854,57971,25378.73,'dsdrp',89764,44690.70,'qynas');
INSERT INTO tab0 VALUES(2119,14624,24343.61,'fnvii',71384,71121.93,'jyqxn');
INSERT INTO tab0 VALUES(2384,82086,24917.92,'cibcy',20877,85784.26,'bsuzj');
INSERT INTO tab0 VALUES(2649,15280,52954.16,'jtlau',9664,65023.68,'yflqu');
INSERT INTO tab0 VALUES(2914,56820,71231.74,'zkllm',78125,78350.39,'niouj');
INSERT INTO tab0 VALUES(3179,99520,91931.57,'krosu',98071,936.40,'xipud');
INSERT INTO tab0 VALUES(3444,48895,89154.71,'pbkrt',35267,26123.21,'vpwqk');
INSERT INTO tab0 VALUES(3709,85641,11413.98,'fbyhc',11920,77911.36,'sgjzd');
INSERT INTO tab0 VALUES(3974,28161,94137.60,'utmlx',69180,23464.14,'zudlw');
INSERT INTO tab0 VALUES(4239,95046,72167.82,'tivif',29647,85617.13,'yohnz');
INSERT INTO tab0 VALUES(4504,67590,92260.50,'qrogt',59869,55358.89,'crfzu');
INSERT INTO tab0 VALUES(4769,52276,25588.79,'dhwei',32830,4352.55,'ginpo');
INSERT INTO tab0 VALUES(5034,43283,80230.73,'hmyiu',90467,97415.44,'nqisw');
INSERT INTO tab0 VALUES(5299,84988,13687.89,'qjayf',6155,5042.74,'pdkbk');
INSERT INTO tab0 VALUES(5564,34463,45373.95,'ehltc',47223,15872.6,'smeal');
INSERT INTO tab0 VALUES(5829,23971,69113.38,'rmvqi',37439,49227.10,'ycwps');
INSERT INTO tab0 VALUES(6094,23477,65643.5,'tueim',19522,67587.28,'grtwp');
INSERT INTO tab0 VALUES(6359,3134,15124.82,'xdbyu',17626,89093.32,'oxesh');
INSERT INTO tab0 VALUES(6624,95797,9622.23,'thrqk',99865,48.92,'ycpfx');
INSERT INTO tab0 VALUES(6889,59515,65619.5,'aizij',40786,67426.36,'ttxqq');
INSERT INTO tab0 VALUES(7154,40027,36511.96,'ymwcy',83886,51361.11,'sfmru');
INSERT INTO tab0 VALUES(7419,33273,25109.17,'zogcn',4107,17654.48,'bjgky');
INSERT INTO tab0 VALUES(7684,47890,96139.1,'ireww',70339,50265.23,'rburd');
INSERT INTO tab0 VALUES(7949,67697,88739.58,'uxzgg',7910,63825.19,'dzpvz');
INSERT INTO tab0 VALUES(8214,14228,28964.39,'btjwo',61102,16120.93,'accjq');
INSERT INTO tab0 VALUES(8479,9197,42276.96,'syosj',55633,20609.32,'ujwnf');
INSERT INTO tab0 VALUES(8744,37020,66061.44,'laowc',61178,58911.19,'dkoup');
INSERT INTO tab0 VALUES(9009,7309,62109.27,'cwybf',53848,93307.95,'zyivu');
INSERT INTO tab0 VALUES(9274,17367,29135.76,'xjjif',78704,79248.22,'qprsy');
INSERT INTO tab0 VALUES(9539,14694,15256.74,'mfjrx',12246,77841.45,'xlsyl');
INSERT INTO tab0 VALUES(9804,59487,30515.21,'bgtpi',24926,68365.54,'fsirg');
SELECT pk, col0 FROM view_1_tab2_1;
SELECT pk, col0 FROM view_1_tab0_4 UNION SELECT pk, col0 FROM view_2_tab0_4;
CREATE TABLE tab0(col0 INTEGER, col1 INTEGER, col2 INTEGER);
SELECT + 81 + + 86 FROM tab2 AS cor0;
SELECT ALL ( + 2 ) AS col0 FROM tab1 AS cor0;
INSERT INTO tab0 VALUES(15,81,47);
SELECT + 49 * - - col0, + 62 + - - col2 + - col2 AS col1 FROM tab2 AS cor0;
SELECT 57 + + 82 * + - col0 + + col0 AS col1 FROM tab1;
SELECT ALL - COUNT ( * ) * + 18 FROM tab0 AS cor0;
SELECT ALL 58 / - 11 FROM tab1 AS cor0 WHERE NOT ( NULL ) IN ( 85 );
SELECT DISTINCT - CAST ( NULL AS REAL ) + + col2 + + - ( - 73 ) FROM tab2 WHERE NULL > + - col0;
SELECT DISTINCT - ( - ( - 52 ) ) AS col0, + col1 * col1 FROM tab1 AS cor0;
SELECT DISTINCT * FROM tab0 WHERE NOT + col0 IS NOT NULL;
SELECT ALL * FROM tab2 WHERE NOT col2 - - + 24 * - - col2 IS NOT NULL;
SELECT ALL * FROM tab1 AS cor0 WHERE ( NULL ) = NULL;
SELECT - COUNT ( * ) FROM tab2 AS cor0 CROSS JOIN tab1 AS cor1;
SELECT * FROM tab2 WHERE NOT NULL <= + col1;
SELECT ALL CAST ( - col0 AS INTEGER ) / - col0 - + col0 FROM tab2;
SELECT ALL + COUNT ( + 3 ) + + 82 AS col1 FROM tab2;
SELECT * FROM tab1 WHERE NOT col2 * col0 > NULL;
SELECT + 89 + col1 FROM tab1 AS cor0;
SELECT ALL * FROM tab1 WHERE - col1 NOT IN ( col0 );
SELECT - + SUM ( ALL - col2 ) AS col0 FROM tab0 AS cor0;
SELECT ALL - COUNT ( * ) + 44 AS col2 FROM tab2;
SELECT ALL + col1 AS col1 FROM tab2 WHERE ( NOT NULL IS NOT NULL );
SELECT DISTINCT + COUNT ( * ) AS col1 FROM tab2 cor0;
SELECT * FROM tab1 cor0 WHERE NOT col1 IS NOT NULL;
SELECT ALL + - col0, col0 * - col1 AS col1 FROM tab2 AS cor0;
SELECT DISTINCT - 49 * - 52 AS col1 FROM tab1 WHERE - col0 / + ( col1 ) <> ( NULL );
SELECT + CAST ( col0 AS INTEGER ) + + + ( - 50 ) FROM tab2 AS cor0;
SELECT DISTINCT 2 * + - COUNT ( * ) * - + MAX ( - - col1 ) AS col0 FROM tab1;
SELECT DISTINCT COUNT ( ALL 69 ) AS col2 FROM tab2 AS cor0;
SELECT DISTINCT - CAST ( NULL AS INTEGER ) - - - 98 / COUNT ( * ) FROM tab0;
SELECT + + ( col1 ) + - - col2 FROM tab2 AS cor0 WHERE 51 + 1 IS NULL;
SELECT ALL + + 23 + 96 + + SUM ( + col0 ) AS col0, COUNT ( * ) AS col2 FROM tab0 AS cor0;
SELECT + col2 * + 78 * + 42 AS col2 FROM tab0;
SELECT MIN ( 96 ) AS col0 FROM tab0;
SELECT 46, 20 * col1 AS col1 FROM tab1;
SELECT DISTINCT - + SUM ( - col2 ) FROM tab1 AS cor0;
SELECT DISTINCT SUM ( ALL + 32 ) AS col0 FROM tab1;
SELECT + + col0 AS col2 FROM tab2 AS cor0 WHERE NOT - ( col2 ) IS NOT NULL;
SELECT ALL - COUNT ( * ) AS col1, 19 FROM tab2 cor0;
SELECT - 58 AS col0;
SELECT DISTINCT MIN ( DISTINCT + 47 );
SELECT 50 + 17;
SELECT ALL CAST ( NULL AS INTEGER ) - + + 47;
SELECT ALL + COUNT ( * ) col2, + COUNT ( * );
SELECT + 44;
SELECT - 79 + - + 69 AS col2;
SELECT + 75, 53 * 96 AS col1;
SELECT DISTINCT 74 AS col2;
SELECT ALL - 27 - + COUNT ( * ) AS col2;
SELECT DISTINCT CAST ( - CAST ( - 71 AS INTEGER ) AS INTEGER );
SELECT ALL 26 * - 0 AS col2;
SELECT DISTINCT + ( - 10 ) AS col2;
SELECT DISTINCT 1;
SELECT DISTINCT + 65 AS col2;
SELECT + 50 AS col1;
SELECT 91 / - CAST ( NULL AS INTEGER );
SELECT DISTINCT ( COUNT ( * ) ) AS col1;
SELECT - ( COUNT ( * ) ) AS col0;
SELECT - COUNT ( * ) AS col1;
SELECT DISTINCT + 61 col0, 1;
SELECT 36 AS col1, 36 AS col1;
SELECT - 86 + - 69 AS col1;
SELECT + COUNT ( * ) + + 76;
SELECT ALL + 90 / - + COUNT ( * ) AS col2;
SELECT - - COUNT ( DISTINCT + 60 ) col1;
SELECT DISTINCT 12 * - COUNT ( * );
SELECT - ( + 3 ) AS col1;
SELECT + - CAST ( NULL AS INTEGER ) * - + 54 + + 26 + + 62 AS col0;
SELECT ALL - CAST ( 76 AS INTEGER );
SELECT ALL + 30 + - 90 AS col0;
SELECT DISTINCT + COUNT ( * ) * COUNT ( * ) + + - ( - COUNT ( * ) ) AS col0;
SELECT ALL 66 AS col2;
SELECT COUNT ( DISTINCT 35 ) col2;
SELECT ALL ( + + 60 );
SELECT - COUNT ( * ) AS col2, + COUNT ( * ) - MAX ( - 3 );
SELECT 61, + 5 AS col1;
SELECT + - 55 AS col2;
SELECT - COUNT ( * ) + 63;
SELECT + cor0.col2 + col2 AS col1 FROM tab2 AS cor0 GROUP BY cor0.col2, cor0.col2;
SELECT ( - cor0.col1 + 14 * + cor0.col1 ) AS col1 FROM tab2 cor0 GROUP BY cor0.col2, cor0.col1;
SELECT + + 26 FROM tab1, tab0 AS cor0 GROUP BY tab1.col1;
SELECT DISTINCT ( + 15 ) * cor0.col2 * 54 FROM tab1 AS cor0 GROUP BY cor0.col2;
SELECT - 99 * + cor1.col2 AS col1 FROM tab1, tab1 AS cor0, tab2 AS cor1 GROUP BY cor1.col2;
SELECT DISTINCT - 30 FROM tab1 AS cor0 CROSS JOIN tab0 cor1 GROUP BY cor1.col2;
SELECT DISTINCT - 92 FROM tab2 GROUP BY tab2.col1;
SELECT DISTINCT - cor0.col2 + + cor0.col2 AS col1 FROM tab1 AS cor0 GROUP BY col2;
SELECT ALL - ( cor0.col0 ) AS col2 FROM tab0 AS cor0 GROUP BY cor0.col0;
SELECT ALL - - col0 FROM tab0 AS cor0 GROUP BY col1, col0, col2;
SELECT DISTINCT - - col0 AS col0 FROM tab2 AS cor0 GROUP BY col0, col1 HAVING NOT NULL IS NULL;
SELECT DISTINCT col1 AS col1 FROM tab1 AS cor0 GROUP BY col2, col1, col1;
SELECT + col1 FROM tab0 AS cor0 GROUP BY col1, col1, col1, col0;
SELECT DISTINCT - col2 + col2 / col0 FROM tab2 GROUP BY col2, col0;
SELECT col1 * - + col1 / + col1 AS col0, col1 FROM tab2 GROUP BY col1;
SELECT DISTINCT + CAST ( - cor0.col0 AS INTEGER ) * - col0 FROM tab0 cor0 GROUP BY cor0.col0;
SELECT 44 + cor0.col1 FROM tab2 AS cor0 GROUP BY cor0.col1;
SELECT ALL - col0 - + col0 AS col0 FROM tab2 AS cor0 GROUP BY col0;
SELECT ALL + - col0 AS col1 FROM tab2 AS cor0 GROUP BY col0 HAVING NOT NULL > NULL;
SELECT DISTINCT - col0 FROM tab2 AS cor0 WHERE NOT NULL IS NULL GROUP BY col1, col0;
SELECT ALL - col1 + - col1 FROM tab1 GROUP BY col1 HAVING NOT NULL IS NULL;
SELECT DISTINCT + col2 FROM tab1 AS cor0 GROUP BY col2, col0;
SELECT col0 AS col2 FROM tab0 AS cor0 GROUP BY col0, col0, col1;
SELECT col2 AS col0 FROM tab1 AS cor0 WHERE NOT col1 IS NULL GROUP BY col2 HAVING NULL IS NOT NULL;
SELECT col1 FROM tab2 AS cor0 GROUP BY col1 HAVING NOT ( NULL ) IS NULL;
SELECT col1 AS col2 FROM tab1 AS cor0 GROUP BY col1 HAVING NULL IS NULL;
SELECT - col2 + + - col1 FROM tab0 GROUP BY col2, col1;
SELECT + - col2 * - col2 AS col0 FROM tab0 cor0 GROUP BY col2 HAVING NOT col2 >= - AVG ( + col2 );
SELECT ALL + col1 * col1 AS col2 FROM tab1 GROUP BY col1;
SELECT col0 * + col0 AS col1 FROM tab0 AS cor0 GROUP BY col0, col0;
SELECT + - col1 * + col1 AS col2 FROM tab2 AS cor0 GROUP BY col1, col2 HAVING NULL IS NOT NULL;
SELECT - col2 * - col2 AS col1 FROM tab1 GROUP BY col2, col2;
SELECT DISTINCT - col0 - - col0 AS col1 FROM tab2 AS cor0 GROUP BY col0, col0;
SELECT - col1 AS col1 FROM tab0 AS cor0 GROUP BY col1 HAVING NOT + col1 IS NULL;
SELECT ALL col0 FROM tab2 AS cor0 GROUP BY col0 HAVING - AVG ( - + col1 ) NOT BETWEEN NULL AND col0;
SELECT + col2 FROM tab2 GROUP BY col2 HAVING NOT NULL NOT BETWEEN NULL AND NULL;
SELECT ALL - col0 AS col0 FROM tab1 AS cor0 GROUP BY col2, col0 HAVING NULL IS NOT NULL;
SELECT col1 FROM tab2 GROUP BY col1, col1 HAVING NOT NULL <= NULL;
SELECT + col1 AS col1 FROM tab1 GROUP BY col2, col1 HAVING NOT NULL >= NULL;
CREATE TABLE tab1(col0 INTEGER, col1 INTEGER, col2 INTEGER);
CREATE TABLE tab2(col0 INTEGER, col1 INTEGER, col2 INTEGER);
INSERT INTO tab0 VALUES(89,91,82);
INSERT INTO tab0 VALUES(35,97,1);
INSERT INTO tab0 VALUES(24,86,33);
INSERT INTO tab1 VALUES(64,10,57);
INSERT INTO tab1 VALUES(3,26,54);
INSERT INTO tab1 VALUES(80,13,96);
INSERT INTO tab2 VALUES(7,31,27);
INSERT INTO tab2 VALUES(79,17,38);
INSERT INTO tab2 VALUES(78,59,26);
