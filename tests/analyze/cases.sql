select x from t
select a from t, u
select t.x from t
select * from nosuch
select * from public.nosuch
select * from nosuch.t
select b from t group by a
select count(*) from t where count(*) > 1
select a + b from t
select 1 union select 1, 2
select 1 intersect select 1, 2
select 1 except select 'a'
select 1 union select 'a'
select distinct a from t order by b
select a from t order by 3
select a from t group by 2
select sum(sum(a)) from t
select 'a' = 1
select z.a from t
select aa from t
select c from t
select t.c from t, u
with recursive r as (select * from r union all select 1) select * from r
with recursive r(n) as (select 1 union all select n+1 from r where n < 3) select * from r
with recursive r(n) as (select 1 union all select n::numeric+1 from r where n < 3) select * from r
with r as (select 1 as x), r as (select 2) select * from r
select row_number() from t
select * from t where a = row_number() over ()
select a, sum(a) over w from t window w as (order by a)
select a, sum(a) over w from t
select a, rank() over (partition by b order by a rows between 1 preceding and current row) from t
select a, sum(a) over (order by a, b range between 1 preceding and current row) from t
select a, sum(a) over (groups between 1 preceding and current row) from t
select count(*) from t group by sum(a)
select a from t group by a having b > 1
select a, b from t group by a, b having count(*) > 1 order by count(*) desc
select case when a > 0 then 'x' else 1 end from t
select case when a > 0 then 'x' else 'y' end from t
select coalesce(a, 'x') from t
select coalesce(b, 1) from t
select nullif(a, 'x') from t
select greatest(a, 1.5) from t
select array[1, 'a']
select array[]
select '{1,2}'::int[] || 3
select (array[1,2])[1]
select a[1] from t
select a from t where a in (1, 'x')
select a from t where a in (1, 2.5)
select a from t where a not in (select c from u)
select a from t where (a, b) in (select a, c from u)
select a from t where (a, b) = (1, 'x')
select a from t where (a, b) < (1, 'x')
select a from t where (a, b) = (1, 2, 3)
select a from t where a = any(array[1,2])
select a from t where a = any('{1,2}')
select a from t where a = any(1)
select a from t where b like 'x%' escape '#'
select a from t where b ilike 1
select a from t where a between 1 and 'x'
select a from t where a is distinct from 'x'
select a from t where exists (select 1 from u where u.a = t.a)
select (select a from u) from t
select (select a, c from u) from t
select a from t where a
select a from t where b
select a from t where 1
select a from t limit 'x'
select a from t limit a
select a from t fetch first 1 rows with ties
select a from t for update
select count(*) from t for update
select distinct a from t for update
select a from t, u for update of v
select * from t join u on t.a = u.a join k on k.id = t.a
select * from t join u using (x)
select * from t join u using (a, a)
select * from t natural join u
select * from t natural full join u
select b from t join u using (a) where a = 1
select t.a, u.a from t join u using (a)
select * from (select 1) as s(x, y)
select * from (select a from t) s where s.b = 1
select * from t, lateral (select t.a) s
select * from t, (select t.a) s
select * from t join u on t.a = k.id, k
select * from generate_series(1, 3) g
select g from generate_series(1, 3) g
select generate_series(1, 3)
select * from t where generate_series(1, 2) > 1
select a, count(*) from t
select count(*), a from t group by 2
select a as x from t group by x
select a as x from t order by x
select a + 1 as x from t order by x + 1
select distinct on (a) a, b from t order by b
select distinct on (a) a, b from t order by a, b
select 1 from t having a > 1
select * from tv
select a from tv where b = 'x'
insert into t values (1, 'x', 3)
insert into t (a, a) values (1, 2)
insert into t (z) values (1)
insert into t (a) values (1, 2)
insert into t (a, b) values (1)
insert into t values ('x')
insert into t values (1, 2)
insert into w (d) values ('2024-13-01')
insert into w (num) values (1234.5)
insert into w (vc) values ('abcdef')
insert into w (id) select 'x'
insert into w (id) select a from t
insert into w (id) select b from t
insert into t values (default, default)
insert into t default values
insert into k values (1, 'x') on conflict (id) do update set v = excluded.v
insert into k values (1, 'x') on conflict (v) do nothing
insert into k values (1, 'x') on conflict do update set v = 'y'
insert into k values (1, 'x') on conflict (id) do update set v = excluded.nosuch
insert into k values (1, 'x') on conflict (id) do update set nosuch = 1
insert into k values (1, 'x') returning id, v, nosuch
update t set a = 'x'
update t set a = b
update t set z = 1
update t set a = 1, a = 2
update t set a = u.c from u where u.a = t.a
update t set (a, b) = (1, 'x')
update t set a = count(*)
update t set a = default returning *
delete from t using u where u.a = t.a returning t.*
delete from t where count(*) > 0
delete from nosuch
select $1
select current_date + 1, current_user, localtimestamp(2)
select 1 collate "C"
select 'a' collate "C"
select 'a' collate "en_US"
select a collate "C" from t
select cast('1' as nosuchtype)
select '1'::varchar(0)
select '1.5'::numeric(2000, 1)
select length(1)
select nosuchfunc(1)
select abs('x')
select count(distinct a order by b) from t
select string_agg(b, ',' order by a) from t
select sum(a) filter (where b = 'x') from t
select sum(a) filter (where sum(a) > 1) from t
select lower(a) over () from t
select a from t order by b using >
select a from t order by b using ~
select j from w order by j
select distinct j from w
select j from w group by j
select count(*) over (order by j) from w
select a from t union select c from u order by a
select a from t union select c from u order by c
select a from t union select c from u order by a + 1
select 1 as x union select 2 order by 1
select * from (values (1, 'a'), (2, 'b')) v
select * from (values (1, 'a'), (2)) v
select * from (values (1, 'a'), ('x', 'b')) v
values (1), ('x')
values (1), (2) order by 1
select a, grouping(a) from t group by rollup(a)
select a, grouping(b) from t group by a
select a, b from t group by grouping sets ((a), (b))
select a, b, count(*) from t group by cube(a, b)
select a from t t1, t t1
select a from t t1 join t t2 on true
select t1.a from t t1 join t t2 on true
select * from t where a = (select max(c) from u)
select * from t where a = (select c, a from u)
select * from t where a > all (select c from u)
select * from t where a > any (select b from t)
select array(select a from t)
select exists(select 1)
select * from t where b ~ 'x'
select b || a from t
select b || 1 from t
select 1 || 2
select -b from t
select not a from t
select 1::bool
select a::bool from t
select d::int from w
select ts::date, ts::time, d + 1, d - d, ts - interval '1 day' from w
select num * 2, num / 0.5, f * num from w
select arr[1], arr[1:2], array_length(arr, 1) from w
select abalance from pgbench_accounts where aid = 1
select aid, abalance, bid from pgbench_accounts group by aid
select p.aid, b.bbalance from pgbench_accounts p join pgbench_branches b using (bid) group by p.aid
select x.* from t
select t.*, u.* from t, u
select count(t.*) from t
select t from t
select * from t t(x)
select * from t t(x, y, z)
select * from pg_class where relname = 'x'
select relname, attname from pg_class c join pg_attribute a on a.attrelid = c.oid
select table_name from information_schema.tables
select * from pg_catalog.pg_nosuch
P:update pgbench_accounts set abalance = abalance + $1 where aid = $2
P:select abalance from pgbench_accounts where aid = $1
P:update pgbench_branches set bbalance = bbalance + $1 where bid = $2
P:insert into pgbench_history (tid, bid, aid, delta, mtime) values ($1, $2, $3, $4, current_timestamp)
P:insert into t values ($1, $2), ($3, $4)
P:select * from t where a = $1 and b like $2
P:select $1 + 1
P:select $1
P:select $1 || 'x'
P:select * from t where a in ($1, $2)
P:select * from t where b = any($1)
P:select * from t limit $1 offset $2
P:select * from t where a between $1 and $2
P:select coalesce($1, a) from t
P:select case when $1 then 1 end
P:select count(*) from t where a = $1::int8
P:select $2
P:select * from w where d > $1 and ts < $2 and num = $3
P:select $1 = $2
P:update t set b = $1 where a = $2 returning a
P:insert into k values ($1, $2) on conflict (id) do update set v = excluded.v || $3
P:select * from t where exists (select 1 from u where u.c = $1)
P:select array[$1, 2]
P:select $1::text, $1
insert into w (id, vc) overriding system value values (1, 'a')
insert into w (id, vc) overriding user value values (1, 'a')
insert into t (b) select b from t
insert into t select * from u
insert into t select c, a from u
insert into t (a, b) select 1, 'x' union select 2, 'y'
insert into t values (1, 'a'), (2, default), (3, null)
insert into t values (1, 'a'), ('x', 'b')
insert into t values (1, 'a'), (2, 3)
insert into w (vc) values ('abc'), ('abcdef')
with ins as (insert into t values (1, 'x') returning a) select * from ins
with d as (delete from t returning *) select count(*) from d
select * from (with x as (insert into t values (1, 'x') returning a) select * from x) s
update t set a = a + 1 where b = (select max(v) from k)
update t set b = u.c from u where t.a = u.a and u.c > 1
update t set b = 1
update t set b = 'x' || a
update w set num = 123456
delete from t where a in (select c from u)
delete from t t1 using t t2 where t1.a = t2.a
delete from t where t.nosuch = 1
update t as x set a = 1 where t.a = 2
update t as x set a = 1 where x.a = 2
select * from t where a = 1 and b = 'x' or not a > 2
select a from t where b !~~ 'x'
select extract(year from d), date_trunc('month', ts), d + interval '1 day' from w
select substring(b from 1 for 2), position('x' in b), trim(both 'x' from b), b is null from t
select 1 + 1.5, 2 * 3::int8, 10 / 3, 10 % 3, 2 ^ 3, |/ 4.0, @ -5
select 'a' < 'b', 'a' || 'b', 1 < 2.5
select now() - ts, age(ts), to_char(ts, 'YYYY') from w
select round(num, 1), trunc(f), ceil(num), floor(f), abs(num) from w
select count(*), sum(num), avg(f), min(d), max(ts), bool_and(a > 1) from w, t
select string_agg(b, ','), array_agg(a) from t
select a, row_number() over (order by a), rank() over w, lag(a) over w, first_value(b) over w from t window w as (partition by b order by a)
select a, sum(a) over (order by a rows between unbounded preceding and current row) from t
select a, avg(a) over (partition by b) from t
select a, ntile(2) over (order by a) from t
select a, count(*) over () from t
select json_build_object('a', 1), '{"a":1}'::jsonb -> 'a', '{"a":1}'::json ->> 'a'
select arr[1] + 1, arr || 4, 3 = any(arr), array_append(arr, 1) from w
select cast(1 as text), 1::text, text '1', int4 '5', date '2024-01-01'
select '2024-01-01'::date - '2023-01-01'::date
select interval '1 day' * 2
select 'infinity'::float8, 'NaN'::numeric
select 1 where null
select null::int + 1
select null + 1
select null || 'x'
select null = null
select true and null, false or null
select 1 from t group by ()
select a from t group by a, a
select a, count(*) from t group by 1 order by 2 desc
select a from t order by a desc nulls first, b nulls last
select distinct a, b from t order by b, a
select distinct on (a) a from t order by a, b
select count(*) from (select distinct a from t) s
select * from t where a > (select avg(c) from u where u.a = t.a)
select a, (select count(*) from u where u.a = t.a) from t
select a from t where exists (select sum(t.a) from u)
select a from t group by a having exists (select 1 from u where u.c = t.a)
select a from t group by a having exists (select 1 from u where u.c = t.b)
select sum(a) from t group by b having sum(a) > (select count(*) from u)
select (select sum(t.a) from u) from t
select * from t left join u on t.a = u.a where u.c is null
select * from t right join u using (a)
select * from t full join u using (a)
select a from t full join u using (a)
select * from t cross join u
select * from t inner join u on true inner join k on k.id = u.c
select * from (t join u using (a)) j
select j.a, j.b, j.c from (t join u using (a)) j
select j.a from (t join u on t.a = u.a) j
select * from t join u using (a) as x
select x.a from t join u using (a) as x
select * from t, u where t.a = u.a and t.b = 'x'
select * from t where a = any (select c from u)
select * from t where (a, b) in (select c, 'x' from u)
select * from t where (a, a) = (select a, c from u)
select * from t where (select a from u) = 1
select 1 from t where a in (select 1 union select 2)
select a from t intersect all select c from u except select id from k
(select a from t order by a limit 1) union all (select c from u)
select * from (select a, count(*) from t group by a) s(a, n) where n > 1
with x as (select a from t), y as (select * from x) select * from y
with x(n) as (select a, b from t) select n, b from x
with x(n, m, o) as (select a, b from t) select * from x
with recursive f(n, f) as (select 1, 1::numeric union all select n + 1, f * (n + 1) from f where n < 10) select * from f
with recursive r as (select 1 as n intersect select n + 1 from r) select * from r
with recursive r as (select 1 as n union all select n + 1 from r r1, r r2) select * from r
with recursive r as (select 1 as n union all (select n + 1 from r where n < 3 order by 1)) select * from r
select * from generate_series(1, 10) with ordinality
select * from generate_series(1, 10) as g(x) where x > 5
select generate_series(1, a) from t
select * from t, generate_series(1, t.a) g
select * from unnest(array[1, 2]) u(x)
select * from only t
select a as "A", b as "select" from t
select "A" from (select 1 as "A") s
select "a" from t
select T.A from T
select a from public.t
select public.t.a from public.t
select otherdb.public.t.a from t
select * from t where a = 1 for update of t nowait
select * from t where a = 1 for share skip locked
select * from t join u on t.a = u.a for update of u
select * from tv for update
select lower(b), upper(b), length(b), replace(b, 'a', 'b'), concat(a, b, 1), concat_ws(',', a, b) from t
select coalesce(null, null)
select greatest('a', 'b'), least(1, 2.5, 3::int8)
select nullif(1, 1.5)
select case a when 1 then 'one' when 2 then 'two' end from t
select case a when 'x' then 1 end from t
select case when true then 1 else 'x' end
select * from t order by random()
select a, sum(a) from t group by rollup(a, b)
select a, b, grouping(a, b) from t group by grouping sets ((a, b), a, ())
select count(*) filter (where a > 1), count(distinct b) from t
select sum(a order by a) from t
select max(distinct a) from t
select a from t where a = (select a from u)
select a from t where a = (select 1, 2)
select a from t where a in (select a, c from u)
select a from t where (a, b) in (select a from u)
select (1, 2) = (1, 2)
select row(1, 'x') = row(1, 'y')
select (1, 2) < (1, 3), (1, null) is null, row(1, 2) is not null
select current_schema, current_catalog, session_user, user, current_role
select localtime, current_time, current_timestamp(3)
select 1 as x, 2 as x order by x
select a, a from t order by a
select b as a, a as b from t order by a
select a from t group by b
select a + 1 from t group by a + 1
select a + 2 from t group by a + 1
select count(*) from t group by a order by a
select count(*) from t group by a order by b
select a, count(*) from t group by a having count(*) > 1 or a > 1
select 1 from t having count(*) > 1
select sum(a) from t where a > 1 group by b order by sum(a)
explain select x from t
explain select a from t
explain (costs off) select a from t where b = 'x'
explain insert into t values (1, 2, 3)
create view v1 as select a, a from t
create view v2 (x, y, z) as select a, b from t
create view v3 as select 1 as one, 'x' as two
select one, two from v3
create view v4 as select x from t
create view v5 (p, q) as select a, b from t where a > 1
select p, q from v5 where p = 2
select * from v5 v join t on v.p = t.a
create table c1 (a int check (a > (select 1)))
create table c2 (a int check (count(*) > 1))
create table c3 (a int default b)
create table c4 (a int check (b > 1))
create table c5 (a int default 'x')
create table c6 (a int check (a))
create table c7 (a int, b text, check (a > 0 and b <> ''))
create table c8 (a int default 1 + 2, b text default 'x' || 'y')
create table c9 (a int check (a > row_number() over ()))
create table c10 (a int default nosuchfn(1))
create table c11 (a int default $1)
create table c12 (a varchar(2) default 'xyz')
create table c13 (a int check (generate_series(1, 2) > 0))
create table as1 as select x from t
create table as2 as select a, b from t
prepare p1 as select x from t
prepare p2 (int) as select $1 + a from t
prepare p3 (int, text) as insert into t values ($1, $2)
prepare p4 as select * from t where a = $1
prepare p5 (nosuchtype) as select 1
copy t (x) to stdout
copy (select x from t) to stdout
copy nosuch to stdout
copy t (a, b) to stdout
select 1 from t where exists (select 1 from pg_class c where c.relname = t.b)
select nspname from pg_namespace n join pg_class c on c.relnamespace = n.oid
select datname from pg_database
select rolname from pg_roles
select conname, contype from pg_constraint
select adbin from pg_attrdef
select proname from pg_proc
select name, setting from pg_settings
select column_name, data_type from information_schema.columns where table_name = 't'
select table_schema, table_type from information_schema.tables
select nosuch from pg_class
select a, sum(a) over (order by a rows between 1 preceding and 1 following) from t
select a, sum(a) over (order by a rows a preceding) from t
select a, sum(a) over (order by a rows 'x' preceding) from t
select a, sum(a) over (order by a range between 1 preceding and current row) from t
select a, sum(a) over (order by b range between 1 preceding and current row) from t
select a, sum(a) over (order by a groups 1 preceding) from t
select a, sum(a) over (w order by a) from t window w as (partition by b)
select a, sum(a) over (w partition by a) from t window w as (partition by b)
select a, sum(a) over (w order by a) from t window w as (order by b)
select a, sum(a) over (w) from t window w as (order by b rows 1 preceding)
select a, sum(a) over w from t window w as (order by a), w as (order by b)
select a, rank() over (order by count(*)) from t group by a
select a from t where a = sum(a) over ()
select sum(a) over () from t group by b
select a, sum(a) filter (where a > 1) over () from t
select a, row_number() filter (where a > 1) over () from t
select a, lag(a, 1, 0) over (order by a), lead(b) over (order by a), nth_value(a, 2) over (order by a) from t
select count(*) over (partition by a order by b), avg(a) over (partition by b) from t
select a, sum(count(*)) over () from t group by a
