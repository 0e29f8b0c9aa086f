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
select a from t where b similar to 'x%'
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
select 9999999999, -9999999999, 99999999999999999999, 1.5e10, 0.000001
select a from t where a in (u.a, 2)
select a from t, u where t.a in (u.a, u.c, 3)
select a from t, u where t.a not in (u.a, u.c)
select a from t where (a, b) in ((1, 'x'), (2, 'y'))
select a from t where (a, b) not in ((1, 'x'), (2, 'y'))
select a from t where (a, b) in ((1, 'x'), (2, 'y', 3))
select a from t where a in (1, (1, 2))
select a from t where a not between 1 and 2
select a from t where a between symmetric 2 and 1
select a from t where a not between symmetric 2 and 1
select (1, 'a') is distinct from (1, 'b'), (1, 2) is not distinct from (1, 2)
select (1, 2) is distinct from (1, 2, 3)
select a is distinct from null from t
select b is not distinct from 'x' from t
select nullif(b, 'x'), nullif(1, null) from t
select a from t where (a > 1) is true and (b = 'x') is not false and (a < 2) is unknown
select a from t where b is true
select a from t where 1 is not unknown
select '{1,2}'::int[] @> array[1]
select array[[1,2],[3,4]]
select array[array[1,2], array[3,4]]
select array[1, 2]::text[]
select array[]::int[]
select array['a', 1.5]
select a from t where a = any (array['1', '2'])
select a from t where b = all (array['x'])
select a from t where a = any (array[1.5])
select a from t where b like any (array['x%', 'y%'])
select 'x' collate pg_catalog."C"
select 'x' collate public."C"
select b collate "default" from t
select b collate "POSIX" < 'x' from t
select greatest(j, j) from w
select array[1, 'x'::text]
select row(t.*) from t
select row(t.*, 1) from t
select (t.*).a from t
select (b).x from t
select arr[1:2], arr[:1], arr[1][1] from w
select (array[1, 2])[1:1]
select b[1] from t
select '{1}'::int[] [1]
select current_time(2), localtime(1), localtimestamp, current_timestamp(-1)
select grouping(a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b) from t group by a, b
select a from t where a = default
select f(x => 1)
select a from t where a = count(*) over ()
select count(*) from t where 1 in (select count(*) from u)
select * from t where a in (select a from u union select c from u)
select 1 where exists (select 1 where false)
select (select 1 limit 1) + 1
select array(select a, b from t)
select (select) from t
select a from t where a = (select c from u order by c limit 1)
select a from t where a < all (select a, c from u)
select a from t where (a, b) = (select 1, 'x')
select a from t where (a, b) < (select 1, 'x')
select a from t where (a, b) = (select 1)
select a from t where not exists (select * from u where u.a = t.a) and a is not null
select case 1 when 1 then 1 else 2 end, case when false then null end
select case b when 'x' then 1 when 'y' then 2.5 end from t
select case when a > 0 then a end from t order by 1
select case a when 1 then 'one' else a end from t
select coalesce(a, b) from t
select coalesce(null, 1, 2.5), coalesce(a, 1::int8) from t
select greatest(1, 'x')
select least(a, b) from t
select abs(a), abs(-1.5), abs(f) from t, w
select length(b), octet_length(b), char_length(b) from t
select round(1.5), round(1.55, 1), trunc(1.5), mod(7, 3), power(2, 3), sqrt(4.0)
select lower('ABC'), upper(b), initcap(b), left(b, 1), right(b, 1), repeat(b, 2), reverse(b) from t
select to_char(1.5, '9.9'), to_number('12', '99'), to_date('2024-01-01', 'YYYY-MM-DD')
select date_part('year', ts), extract(epoch from ts) from w
select now(), clock_timestamp(), statement_timestamp(), transaction_timestamp(), timeofday()
select random() > 0.5, setseed(0.5)
select md5('x'), encode('x'::bytea, 'hex')
select a::numeric(3,1), b::varchar(1), b::char(2), 1::bigint, 1::smallint, 1::real, '1'::double precision from t
select 1::int::text::int, '1.5'::float4::numeric, 'yes'::bool, 't'::boolean
select cast(a as date) from t
select d::timestamp, ts::date, d::text, interval '1 hour' + ts, time '10:00' + interval '1 hour' from w
select '1 day'::interval * 2.5, 2 * '1 day'::interval, '2024-01-01'::date + 1, '10:00'::time - '09:00'::time
select $1 from t
select 1 from t group by grouping sets ((a, b), (a), ())
select a, b from t group by rollup ((a, b))
select a, b from t group by cube (a), rollup (b)
select a from t group by distinct a
select sum(a) from t group by ()
select a from t group by a having a > 1 and sum(a) > 0
select a, (select count(*) from u where u.a = t.a) from t group by a
select a, (select count(*) from u where u.a = t.b) from t group by a
select b from t group by a, b having count(distinct a) > 1
select t.* from t group by a, b
select u.* from t, u group by t.a
select count(*) from t join u using (a) group by a
select count(*) from t join u using (a) group by t.a order by a
select a from t group by a order by count(*), a
select max(a) filter (where b is not null) over (partition by b) from t
select string_agg(distinct b, ',' order by b) from t
select array_agg(a order by a desc nulls last) from t
select count(a order by b) from t
select sum(a) over (rows between 1 following and unbounded following) from t
select sum(a) over (rows between current row and 2 following exclude current row) from t
select sum(a) over (order by a groups between 1 preceding and 1 following exclude group) from t
select sum(a) over (order by a range between unbounded preceding and unbounded following exclude ties) from t
select sum(a) over (order by a range 1 preceding) from t
select sum(num) over (order by num range between 1.5 preceding and 2 following) from w
select count(*) over (order by d range between '1 day' preceding and current row) from w
select count(*) over (order by ts range between '1 hour' preceding and current row) from w
select ntile(b) over () from t
select a, count(*) over w1, sum(a) over w2 from t window w1 as (partition by b), w2 as (w1 order by a)
select a, count(*) over (w1 rows 1 preceding) from t window w1 as (partition by b order by a)
select a from t order by row_number() over (order by a)
select row_number() over (partition by count(*)) from t
select sum(a) over (partition by a order by a rows unbounded preceding) from t group by a
select * from t where a = 1 for update of t, u
select * from t, u for update of u skip locked
select * from (select * from t) s for update
select * from t for no key update
select * from t for key share nowait
select * from generate_series(1, 3) g for update
select * from t join u using (a) for update of t
select * from (values (1)) v for update
select generate_series(1, 3) from t for update
select * from t cross join lateral generate_series(1, t.a) g
select * from t left join lateral (select u.c from u where u.a = t.a limit 1) s on true
select * from t, lateral (select * from u where u.a = t.a) s, lateral (select s.c) s2
select * from t join (select 1 as x) s on s.x = t.a join u on u.a = s.x
select * from t join u on t.a = u.a join t t2 on t2.a = u.c
select * from t t1 join t t2 using (a, b)
select * from t natural join t t2
select * from t natural left join u natural right join k
select * from t full join u on t.a = u.a full join k on k.id = coalesce(t.a, u.a)
select * from t join u using (a) join k on k.id = a
select a, t.b, u.c from t right join u using (a)
select * from t join u using (c)
select * from t join u on a = 1
select * from t join u on t.a = u.a and u.c in (select c from u)
select * from t join u on sum(t.a) > 0
select * from t where exists (select * from u where t.a = u.a and exists (select 1 from k where k.id = t.a))
select * from rows from (generate_series(1, 2), generate_series(1, 3)) g(x, y)
select * from generate_series(1, 2) with ordinality as g(x, n)
select * from lower('x')
select * from abs(-1) a
select * from count(*)
select * from (select 1 x union select 2) s order by x
select x from (select 1 as x) s order by s.x
select t1.a from t t1 join (t t2 join u on t2.a = u.a) on t1.a = u.c
select * from t as t1(x), t as t2(y) where x = y
with t as (select 1 as z) select z from t
with recursive t(n) as (values (1) union all select n + 1 from t where n < 3) select * from t
with x as materialized (select 1), y as not materialized (select 2) select * from x, y
with x as (select a from t) select * from x where a in (select * from x)
with x as (select 1) select * from (with y as (select 2) select * from x, y) s
with x as (select 1 as v) select (select v from x)
with recursive r as (select 1 as n union all select n + 1 from r where n < 3 union all select 5) select * from r
with recursive r as (select 1 as n union select n + 1 from r where n < 3) select * from r
with recursive r(n) as (select 1 union all select n + 1 from r where n < 3), s as (select * from r) select * from s
with recursive r(n) as (select 1 union all select (select n + 1 from r) from r) select * from r
with x(a, b) as (select 1) select * from x
values (1, 2), (3)
values (default)
values (1), (null), (2.5)
values ('a'), ('b') union select 'c'
select 1 union all select 2 union all select 3 order by 1 desc limit 2
select 1 union select 2 except select 3 intersect select 4
(select 1) union (select 2 limit 1)
select 1 union select 'a'::text
select a from t union select 'x'
select 1, 2 union select 3
select null union select null
select null union select 1
select 'a' union select 'b' union select 1
select * from (select null union select null) s
select 1 union select 2 for update
select a from t union select c from u order by 1 desc nulls first
select a as x from t union select c from u order by x
select a from t union all select c from u limit 1 offset 1
select distinct on (b) a, b from t
select distinct on (a + 1) a from t order by a + 1, b
select distinct on (1) a, b from t order by 1, 2
select distinct on (b) a, b from t order by a
select distinct a, count(*) from t group by a
select distinct * from t order by 2
select distinct a from t order by a + 1
select a from t limit 1 offset 1
select a from t limit all
select a from t limit null
select a from t limit 1.5
select a from t offset 1 rows fetch next 2 rows only
select a from t order by a fetch first 1 row with ties
select a from t limit (select 1)
select a from t limit $1
select a from t order by 1, 1
select a from t order by a using <, b using >
select a, b from t order by 2 desc, 1 asc nulls first
select 1 as a from t order by a
select a + 1 as a from t order by a
select a as b, b as a from t order by b
select a from t order by b || 'x', a * 2
select count(*) as n from t order by n
select a from t order by (select 1)
select a, sum(a) from t group by 1 order by 2
insert into t (a, b) values (1, 'x') returning a + 1 as x, b, *
insert into t values (1, 'x') returning t.a, t.*
insert into t as tt values (1, 'x') returning tt.a
insert into t values (1, default)
insert into t (b) values (default)
insert into t select 1, 'x' where false
insert into t (a) select a from t limit 1
insert into t (a) select count(*) from u
insert into t (a, b) select * from (values (1, 'x')) v(x, y)
insert into t (a) values ((select max(c) from u))
insert into t (a) values (1), ((select 2))
insert into t values (1, 'x'), (2, 'y') returning *
insert into k values (1, 'x') on conflict (id) do update set v = k.v || excluded.v where k.v <> excluded.v
insert into k values (1, 'x') on conflict (id) do update set v = default
insert into k values (1, 'x') on conflict (id) do update set (v) = row('y')
insert into k values (1, 'x') on conflict (id, id) do nothing
insert into k values (1, 'x') on conflict on constraint k_pkey do nothing
insert into k values (1, 'x') on conflict on constraint nosuch do nothing
insert into k values (1, 'x') on conflict (id) where id > 0 do nothing
insert into k values (1, 'x') on conflict (lower(v)) do nothing
insert into k as kk values (1, 'x') on conflict (id) do update set v = kk.v
insert into k values (1, 'x') on conflict (id) do update set v = excluded.v returning *
insert into w (id, vc) values (1, 'a') on conflict do nothing
insert into nosuch values (1)
insert into t (a) values (1) returning nosuch
update t set a = default
update t set a = a where a = (select max(a) from t)
update t set (a, b) = (select 1, 'x')
update t set (a, b) = (1)
update t set (a, b) = (1, 'x', 2)
update t set (a, b) = row(1, 'x')
update t set a = 1 from u, k where u.a = t.a and k.id = u.c
update t set a = 1 from t t2 where t2.a = t.a
update t set a = u.c from u returning t.*, u.c
update t set b = default, a = 1 returning b
update pgbench_accounts set abalance = abalance + 1 where aid = 1
update t set nosuch.a = 1
update t set a[1] = 1
delete from t where a = 1 returning *
delete from t using u, k where u.a = t.a and k.id = u.c
delete from t as x where x.a = 1
delete from t where a = (select max(c) from u where u.a = t.a)
delete from t returning nosuch
delete from t where exists (select 1 from t t2 where t2.a = t.a + 1)
select * from pg_catalog.pg_class c, pg_catalog.pg_namespace n where c.relnamespace = n.oid
select typname from pg_type where oid = 23
select indexrelid from pg_index
select amname from pg_am
select count(*) from information_schema.columns c join information_schema.tables t using (table_name)
select * from information_schema.nosuch
select datname, datdba from pg_catalog.pg_database
explain (analyze, verbose) select a from t
explain update t set a = 1
explain delete from t where x = 1
create view v6 as select * from t
select * from v6
create view v7 as select a, count(*) from t group by a
select * from v7 where count > 1
create view v8 as select t.a, u.c from t join u using (a)
select a, c from v8
create view v9 as select * from v6 join u using (a)
select * from v9
create view v10 as select a from t where a > (select count(*) from u)
select * from v10
create view v11 as select a, row_number() over (order by a) from t
select * from v11
create view v12 as with x as (select 1 as y) select * from x
select * from v12
create view v13 as select a from t union select c from u order by 1 limit 2
select * from v13
create view v14 as values (1, 'x'), (2, 'y')
select * from v14
create view v15 as select 1 as x where false
create table as3 as select a, b from t with no data
create table as4 (x, y) as select a, b from t
create table as5 (x, y, z) as select a, b from t
select * into newt from t
select a into newt2 from t where x = 1
prepare p6 (int, int) as select $1 + $2
prepare p7 as select $1 from t
prepare p8 (text) as select $1 + 1
prepare p9 as insert into k values ($1, $2) on conflict (id) do update set v = $3
prepare p10 as select * from t where a = $1 or b = $2
prepare p11 as select $3
prepare p12 as select $1::int, $1::text
copy (select a, b from t where a > 1) to stdout
copy t to stdout
copy t (b) from stdin
copy pg_class to stdout
copy (insert into t values (1, 'x') returning a) to stdout
copy (select 1 union select 2) to stdout
select nextval('s1'), currval('s1'), setval('s1', 5), setval('s1', 5, false), lastval(), nextval('s1'::regclass)
select nextval('nosuch')
select nextval('public.s1')
select nextval('"S1"')
select 's1'::regclass
select 'nosuch'::regclass
insert into ser (b) values ('x')
insert into ser (b) values ('x') returning id
insert into ser values (default, 'y'), (10, 'z')
insert into ser select nextval('s1'), 'x'
select * from s1
select last_value, is_called from s1
insert into s1 values (1)
select * from ser where id = currval('s1')
call nosuch(1)
call abs(1)
select a from t where b similar to 'x%'
select 'abc' similar to 'a%' escape '#', 'abc' not similar to 'b%'
select abs(*) from t
select abs(distinct a) from t
select abs(a order by a) from t
select abs(a) filter (where a > 1) from t
select abs(a) over () from t
select count(distinct a) over () from t
select sum(a order by a) over () from t
select row_number() over () over () from t
select sum(row_number() over ()) from t
select sum(generate_series(1, 2)) from t
select row_number() over (w) from t window x as ()
select a, row_number() over (partition by a, a) from t
select text(1), int4('12'), int8(a), float8(a) from t
select text(1) over () from t
select nosuchschema.lower('x')
select public.lower('x')
select pg_catalog.lower('x')
select string_agg(a order by j) from t, w
select a from t group by a having a is null and b is null
select a from t group by a having a is true
select a from t group by a having a is distinct from b
select a from t group by a having nullif(a, b::int) > 0
select a from t group by a having b = any(array['x'])
select a from t group by a having case b when 'x' then true end
select a from t group by a having coalesce(b, 'x') = 'x'
select a from t group by a having greatest(a, length(b)) > 0
select a from t group by a having row(a, b) is null
select a from t group by a having array[b] is null
select a from t group by a having (array[b])[1] is null
select a, (select b) from t group by a
select a from t group by a having exists (select 1 from u where u.c = t.b)
select a from t group by a, b having lateral_x > 1
select sum(a) from t where a in (select sum(c) from u)
select (select sum(t.a) from u group by u.c) from t
select count(*) from t where exists (select 1 from u having count(t.a) > 1)
select a, sum(a) over (partition by b) from t group by a
select a from t, lateral (select t.b) s group by a
select max(a), min(b), count(*) filter (where a > 1) from t where a > 0 having max(a) > 0 order by 1
select lower(null), upper(null::text)
select 1 from t where a = (select max(a) from t t2 where t2.b = t.b group by t2.b having count(*) > 1)
select x from (select a as x from t) s where x > (select count(*) from u where u.c = s.x)
select * from t where a > 5 and (b like 'a%' or b ilike 'B%') and not (a between 1 and 3)
select cast(null as int), cast('1' as numeric(3,1)), cast(a as varchar(1)) from t
select (a + 1)::text || 'x', -a, +a, @a, a # 1, a & 1, a | 1, ~a, a << 1 from t
select 'x' ~ 'y', 'x' !~ 'y', 'x' ~* 'y', 'x' !~* 'y', 'x' ~~* 'y'
select b::name, b::char, b::"char", 'abc'::bytea, 'a'::json, '{}'::jsonb, '1'::oid from t
select true::int, 1::bool, 'on'::bool, 1.5::int, 2.5::int8, 1e3::int2, '1'::int2
select extract(dow from current_date), date_trunc('day', now()), age(now(), now())
select to_timestamp(0), to_char(now(), 'YYYY'), now()::date, current_date - 1, current_date + time '10:00'
select ctid, xmin, xmax, cmin, cmax, tableoid, t.tableoid from t
select tableoid from t, u
select t.ctid, u.xmin from t, u
select * from t where ctid = '(0,1)'
select s.ctid from (select a from t) s
select tableoid from (select a from t) s
select count(*) from pg_class where tableoid > 0
insert into t (ctid) values ('(0,1)')
update t set xmin = '1'
select a from t order by ctid
select relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'
select pubname from pg_catalog.pg_publication
select evtname from pg_catalog.pg_event_trigger
select table_name, column_name from information_schema.key_column_usage
select * from information_schema.routines where routine_name = 'x'
select 'ab'::"char", 'ab'::char, 'ab'::pg_catalog.char
insert into uv1 values (1, 'x')
insert into uv2 (x) values (1)
insert into uv2 (bz) values ('q')
insert into uv2 values (1)
insert into uv2 values (1, 'q')
update uv2 set x = 2 where bz = 'q'
update uv3 set a = 1
delete from uv3
insert into uv3 (a) values (1)
delete from uv1 where b = 'x' returning *
update uv1 set b = 'y' where a = 1 returning a, b
insert into uv4 (a) values (1)
update uv5 set a = 1
delete from uv6
delete from uv7
update uv1 set nosuch = 1
insert into uv2 (x, nosuch) values (1, 2)
update uv2 set bz = 'a'
insert into uv1 select a, b from t returning *
insert into uv2 (x) values (1) returning x, bz
update uv1 v set b = u.c::text from u where u.a = v.a returning v.*, u.c
delete from uv1 where exists (select 1 from u where u.a = uv1.a)
update uv1 set a = a + 1 where b in (select b from uv1)
delete from uv2 where bz like 'x%'
insert into uv1 (a) values ('x')
update uv1 set a = 'x'
