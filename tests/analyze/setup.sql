create table t(a int, b text)
create table u(a int, c int)
create table pgbench_accounts(aid int primary key, bid int, abalance int, filler char(84))
create table pgbench_branches(bid int primary key, bbalance int, filler char(88))
create table pgbench_history(tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))
create table w(id int, vc varchar(3), n int default 7, d date, ts timestamptz, num numeric(5,2), f float8, j json, arr int[])
create table k(id int primary key, v text)
create view tv as select a, b from t where a > 0
create sequence s1
create table ser (id serial primary key, b text)
create view uv1 as select a, b from t where a > 0
create view uv2 as select a as x, b || 'z' as bz from t
create view uv3 as select a, count(*) from t group by a
create view uv4 as select * from t t1 join u using (a)
create view uv5 as select a from t limit 1
create view uv6 as select a from t union select c from u
create view uv7 as select distinct a from t
