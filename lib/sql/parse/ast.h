/*
 * ast.h — the raw parse tree: what lib/sql/parse produces and lib/sql/analyze consumes.
 *
 * The tree is a faithful picture of the SQL text, before any name or type is resolved.
 * Node and field names follow PostgreSQL 15's raw parse nodes (parsenodes.h), so a reader
 * who knows PostgreSQL finds SelectStmt, ResTarget, A_Expr, RangeVar ... where expected;
 * the differences are listed at each node and in lib/sql/parse/README.md.
 *
 * Representation:
 *  - Every node starts with an ast_node header: its tag (T_<StructName>) and `loc`, the byte
 *    offset of the construct in the query string, -1 when it has none.  Turn a loc into the
 *    1-based character position of an error report with parse_errposition() (parse.h).
 *  - Lists are ast_list nodes (tag T_List), growable arrays of node pointers.  A NULL list
 *    means an empty list; helpers in this header treat NULL as empty.
 *  - Names are lists of String nodes ("s"."t"."c" is three Strings), already folded to lower
 *    case unless they were double-quoted, and truncated to 63 bytes.
 *  - Everything is palloc'd in the current memory context (util/mem.h) at parse time; there
 *    is no per-node free: delete the context.  Nodes are never shared between two parents,
 *    except one documented case (MultiAssignRef.source).  Strings are read-only: a name
 *    that is a keyword (a column called "key") points to the parser's static keyword text,
 *    so never pfree or modify a string of a tree; ast_copy gives the copy its own strings.
 *  - ast_walk / ast_copy / ast_equal / ast_dump work on every node kind generically, driven
 *    by the field table that ast_gen.awk builds from the struct definitions below
 *    (between AST-NODES-BEGIN and AST-NODES-END: one field per line; field C types map to
 *    kinds: char * string, ast_list * list, other pointers node, bool, char, int64_t, and
 *    int for int and enum types).
 *
 * Contract of the helpers at the end of this header: they allocate with palloc in mem_cur
 * (raising 53200 when out of memory), take no locks, and may be called from any process.
 */
#ifndef PH_SQL_PARSE_AST_H
#define PH_SQL_PARSE_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ast_tag {
	T_Invalid = 0,
	T_List,
	/* value nodes */
	T_String, T_Integer, T_Float, T_Boolean,
	/* expressions */
	T_A_Const, T_ColumnRef, T_ParamRef, T_A_Expr, T_BoolExpr, T_NullTest, T_BooleanTest,
	T_TypeCast, T_CollateClause, T_FuncCall, T_NamedArgExpr, T_A_Star, T_A_Indices,
	T_A_Indirection, T_A_ArrayExpr, T_SubLink, T_CaseExpr, T_CaseWhen, T_RowExpr,
	T_CoalesceExpr, T_MinMaxExpr, T_SQLValueFunction, T_SetToDefault, T_GroupingFunc,
	T_CurrentOfExpr,
	/* pieces of statements */
	T_TypeName, T_ResTarget, T_MultiAssignRef, T_SortBy, T_WindowDef, T_RangeVar, T_Alias,
	T_RangeSubselect, T_RangeFunction, T_JoinExpr, T_GroupingSet, T_WithClause,
	T_CommonTableExpr, T_LockingClause, T_IntoClause, T_OnConflictClause, T_InferClause,
	T_ColumnDef, T_Constraint, T_IndexElem, T_DefElem, T_TableLikeClause, T_PartitionSpec,
	T_FunctionParameter, T_RoleSpec, T_ObjectWithArgs, T_AccessPriv, T_VacuumRelation,
	T_AlterTableCmd, T_ParseNotice,
	/* statements */
	T_RawStmt, T_SelectStmt, T_InsertStmt, T_UpdateStmt, T_DeleteStmt, T_CreateStmt,
	T_CreateTableAsStmt, T_AlterTableStmt, T_RenameStmt, T_AlterObjectSchemaStmt, T_DropStmt,
	T_TruncateStmt, T_IndexStmt, T_ReindexStmt, T_ViewStmt, T_RefreshMatViewStmt,
	T_CreateSeqStmt, T_AlterSeqStmt, T_CreateSchemaStmt, T_CreatedbStmt, T_DropdbStmt,
	T_CreateRoleStmt, T_AlterRoleStmt, T_DropRoleStmt, T_GrantStmt, T_GrantRoleStmt,
	T_CommentStmt, T_CreateFunctionStmt, T_CallStmt, T_DoStmt, T_CreateTrigStmt,
	T_TransactionStmt, T_VariableSetStmt, T_VariableShowStmt, T_PrepareStmt, T_ExecuteStmt,
	T_DeallocateStmt, T_LockStmt, T_ListenStmt, T_UnlistenStmt, T_NotifyStmt, T_DiscardStmt,
	T_CopyStmt, T_ExplainStmt, T_VacuumStmt, T_CheckPointStmt, T_ConstraintsSetStmt,
	T_DeclareCursorStmt, T_FetchStmt, T_ClosePortalStmt,
	T_NUM_TAGS
} ast_tag;

/* The header of every node. */
typedef struct ast_node {
	uint16_t type;   /* ast_tag */
	int32_t loc;     /* byte offset in the query string, -1 if none */
} ast_node;

/* A list of node pointers.  NULL is the empty list. */
typedef struct ast_list {
	ast_node hdr;
	int n;           /* number of items */
	int cap;         /* allocated slots */
	ast_node **items;
} ast_list;

#define AST_TAG(p) ((ast_tag)((const ast_node *)(p))->type)
#define AST_IS(p, T) ((p) != NULL && AST_TAG(p) == T_##T)
#define AST_LOC(p) (((const ast_node *)(p))->loc)

/* ---- enumerations used by the nodes ---------------------------------------------------- */

typedef enum { CONST_NULL, CONST_INT, CONST_FLOAT, CONST_STRING, CONST_BITSTRING,
               CONST_BOOL } const_kind;

typedef enum {
	AEXPR_OP,               /* lexpr name rexpr; lexpr NULL for a prefix operator */
	AEXPR_OP_ANY,           /* lexpr name ANY (rexpr), rexpr an array expression */
	AEXPR_OP_ALL,           /* lexpr name ALL (rexpr) */
	AEXPR_DISTINCT,         /* IS DISTINCT FROM; name "=" */
	AEXPR_NOT_DISTINCT,     /* IS NOT DISTINCT FROM; name "=" */
	AEXPR_NULLIF,           /* NULLIF(lexpr, rexpr); name "=" */
	AEXPR_IN,               /* lexpr IN (list): rexpr a List; name "=" or "<>" for NOT IN */
	AEXPR_LIKE,             /* name "~~" or "!~~"; ESCAPE makes rexpr like_escape(p, e) */
	AEXPR_ILIKE,            /* name "~~*" or "!~~*" */
	AEXPR_SIMILAR,          /* name "~" or "!~"; rexpr is similar_to_escape(p[, e]) */
	AEXPR_BETWEEN,          /* rexpr is a List (lower, upper); name "BETWEEN" */
	AEXPR_NOT_BETWEEN,
	AEXPR_BETWEEN_SYM,
	AEXPR_NOT_BETWEEN_SYM
} aexpr_kind;

typedef enum { AND_EXPR, OR_EXPR, NOT_EXPR } boolexpr_kind;
typedef enum { IS_NULL, IS_NOT_NULL } nulltest_kind;
typedef enum { IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN,
               IS_NOT_UNKNOWN } booltest_kind;

/* How a FuncCall was written: a plain call, or special SQL syntax (EXTRACT(f FROM x),
 * x AT TIME ZONE z, SUBSTRING(x FROM a FOR b), LIKE ... ESCAPE ...) that the deparser
 * reproduces. */
typedef enum { COERCE_EXPLICIT_CALL, COERCE_SQL_SYNTAX } coercion_form;

typedef enum {
	EXISTS_SUBLINK,         /* EXISTS (select) */
	ALL_SUBLINK,            /* testexpr op ALL (select) */
	ANY_SUBLINK,            /* testexpr op ANY (select); also IN (select), operName "=" */
	EXPR_SUBLINK,           /* (select) as a scalar */
	MULTIEXPR_SUBLINK,      /* for the analyzer: UPDATE ... SET (a, b) = (select), which the
	                         * parser leaves as an EXPR_SUBLINK under MultiAssignRef */
	ARRAY_SUBLINK           /* ARRAY(select) */
} sublink_type;

typedef enum { ROW_EXPLICIT, ROW_IMPLICIT } row_format;  /* ROW(a, b) vs (a, b) */
typedef enum { MINMAX_GREATEST, MINMAX_LEAST } minmax_op;

typedef enum {
	SVF_CURRENT_DATE, SVF_CURRENT_TIME, SVF_CURRENT_TIME_N, SVF_CURRENT_TIMESTAMP,
	SVF_CURRENT_TIMESTAMP_N, SVF_LOCALTIME, SVF_LOCALTIME_N, SVF_LOCALTIMESTAMP,
	SVF_LOCALTIMESTAMP_N, SVF_CURRENT_ROLE, SVF_CURRENT_USER, SVF_USER, SVF_SESSION_USER,
	SVF_CURRENT_CATALOG, SVF_CURRENT_SCHEMA
} svf_op;

typedef enum { SORTBY_DEFAULT, SORTBY_ASC, SORTBY_DESC, SORTBY_USING } sortby_dir;
typedef enum { SORTBY_NULLS_DEFAULT, SORTBY_NULLS_FIRST, SORTBY_NULLS_LAST } sortby_nulls;

/* WindowDef.frameOptions bits (PostgreSQL's FRAMEOPTION_* values). */
enum {
	FRAMEOPTION_NONDEFAULT = 0x00001,            /* any frame clause given */
	FRAMEOPTION_RANGE = 0x00002,
	FRAMEOPTION_ROWS = 0x00004,
	FRAMEOPTION_GROUPS = 0x00008,
	FRAMEOPTION_BETWEEN = 0x00010,
	FRAMEOPTION_START_UNBOUNDED_PRECEDING = 0x00020,
	FRAMEOPTION_END_UNBOUNDED_PRECEDING = 0x00040,
	FRAMEOPTION_START_UNBOUNDED_FOLLOWING = 0x00080,
	FRAMEOPTION_END_UNBOUNDED_FOLLOWING = 0x00100,
	FRAMEOPTION_START_CURRENT_ROW = 0x00200,
	FRAMEOPTION_END_CURRENT_ROW = 0x00400,
	FRAMEOPTION_START_OFFSET_PRECEDING = 0x00800,
	FRAMEOPTION_END_OFFSET_PRECEDING = 0x01000,
	FRAMEOPTION_START_OFFSET_FOLLOWING = 0x02000,
	FRAMEOPTION_END_OFFSET_FOLLOWING = 0x04000,
	FRAMEOPTION_EXCLUDE_CURRENT_ROW = 0x08000,
	FRAMEOPTION_EXCLUDE_GROUP = 0x10000,
	FRAMEOPTION_EXCLUDE_TIES = 0x20000,
	/* the default frame: RANGE UNBOUNDED PRECEDING (AND CURRENT ROW) */
	FRAMEOPTION_DEFAULTS = FRAMEOPTION_RANGE | FRAMEOPTION_START_UNBOUNDED_PRECEDING |
	                       FRAMEOPTION_END_CURRENT_ROW
};

typedef enum { JOIN_INNER, JOIN_LEFT, JOIN_FULL, JOIN_RIGHT } join_type;

typedef enum { GROUPING_SET_EMPTY, GROUPING_SET_SIMPLE, GROUPING_SET_ROLLUP,
               GROUPING_SET_CUBE, GROUPING_SET_SETS } grouping_set_kind;

typedef enum { CTE_MATERIALIZE_DEFAULT, CTE_MATERIALIZE_ALWAYS,
               CTE_MATERIALIZE_NEVER } cte_materialize;

typedef enum { LCS_NONE, LCS_FORKEYSHARE, LCS_FORSHARE, LCS_FORNOKEYUPDATE,
               LCS_FORUPDATE } lock_strength;
typedef enum { LOCKWAIT_BLOCK, LOCKWAIT_SKIP, LOCKWAIT_ERROR } lock_wait_policy;

typedef enum { SETOP_NONE, SETOP_UNION, SETOP_INTERSECT, SETOP_EXCEPT } set_operation;
typedef enum { LIMIT_OPTION_DEFAULT, LIMIT_OPTION_COUNT, LIMIT_OPTION_WITH_TIES } limit_option;

typedef enum { ONCONFLICT_NONE, ONCONFLICT_NOTHING, ONCONFLICT_UPDATE } onconflict_action;
typedef enum { OVERRIDING_NOT_SET, OVERRIDING_USER_VALUE,
               OVERRIDING_SYSTEM_VALUE } overriding_kind;

typedef enum { ONCOMMIT_NOOP, ONCOMMIT_PRESERVE_ROWS, ONCOMMIT_DELETE_ROWS,
               ONCOMMIT_DROP } oncommit_action;

/* Relation persistence (RangeVar.relpersistence). */
#define RELPERSISTENCE_PERMANENT 'p'
#define RELPERSISTENCE_UNLOGGED 'u'
#define RELPERSISTENCE_TEMP 't'

typedef enum {
	CONSTR_NULL, CONSTR_NOTNULL, CONSTR_DEFAULT, CONSTR_IDENTITY, CONSTR_GENERATED,
	CONSTR_CHECK, CONSTR_PRIMARY, CONSTR_UNIQUE, CONSTR_EXCLUSION, CONSTR_FOREIGN
} constr_type;

/* Foreign key actions and match types (Constraint.fk_*), PostgreSQL's letters. */
#define FKCONSTR_ACTION_NOACTION 'a'
#define FKCONSTR_ACTION_RESTRICT 'r'
#define FKCONSTR_ACTION_CASCADE 'c'
#define FKCONSTR_ACTION_SETNULL 'n'
#define FKCONSTR_ACTION_SETDEFAULT 'd'
#define FKCONSTR_MATCH_FULL 'f'
#define FKCONSTR_MATCH_PARTIAL 'p'
#define FKCONSTR_MATCH_SIMPLE 's'
/* Constraint.generated_when */
#define ATTRIBUTE_IDENTITY_ALWAYS 'a'
#define ATTRIBUTE_IDENTITY_BY_DEFAULT 'd'

/* TableLikeClause.options bits */
enum {
	CREATE_TABLE_LIKE_COMMENTS = 1 << 0, CREATE_TABLE_LIKE_COMPRESSION = 1 << 1,
	CREATE_TABLE_LIKE_CONSTRAINTS = 1 << 2, CREATE_TABLE_LIKE_DEFAULTS = 1 << 3,
	CREATE_TABLE_LIKE_GENERATED = 1 << 4, CREATE_TABLE_LIKE_IDENTITY = 1 << 5,
	CREATE_TABLE_LIKE_INDEXES = 1 << 6, CREATE_TABLE_LIKE_STATISTICS = 1 << 7,
	CREATE_TABLE_LIKE_STORAGE = 1 << 8, CREATE_TABLE_LIKE_ALL = 0x7FFFFFFF
};

typedef enum {
	OBJECT_TABLE, OBJECT_VIEW, OBJECT_MATVIEW, OBJECT_INDEX, OBJECT_SEQUENCE, OBJECT_SCHEMA,
	OBJECT_DATABASE, OBJECT_ROLE, OBJECT_FUNCTION, OBJECT_PROCEDURE, OBJECT_ROUTINE,
	OBJECT_AGGREGATE, OBJECT_TRIGGER, OBJECT_TYPE, OBJECT_DOMAIN, OBJECT_EXTENSION,
	OBJECT_COLUMN, OBJECT_TABCONSTRAINT, OBJECT_LANGUAGE, OBJECT_TABLESPACE,
	OBJECT_FOREIGN_TABLE, OBJECT_COLLATION
} object_type;

typedef enum { DROP_RESTRICT, DROP_CASCADE } drop_behavior;

typedef enum {
	AT_AddColumn,           /* ADD [COLUMN] [IF NOT EXISTS] def (ColumnDef) */
	AT_ColumnDefault,       /* ALTER [COLUMN] name SET DEFAULT def / DROP DEFAULT (def NULL) */
	AT_DropNotNull,         /* ALTER [COLUMN] name DROP NOT NULL */
	AT_SetNotNull,          /* ALTER [COLUMN] name SET NOT NULL */
	AT_DropColumn,          /* DROP [COLUMN] [IF EXISTS] name [behavior] */
	AT_AlterColumnType,     /* ALTER [COLUMN] name [SET DATA] TYPE: def ColumnDef (typeName,
	                         * collClause, raw_default = USING expression) */
	AT_AddConstraint,       /* ADD def (Constraint) */
	AT_DropConstraint,      /* DROP CONSTRAINT [IF EXISTS] name [behavior] */
	AT_ValidateConstraint,  /* VALIDATE CONSTRAINT name */
	AT_AddIdentity,         /* ALTER name ADD GENERATED ... AS IDENTITY: def Constraint */
	AT_SetIdentity,         /* ALTER name SET GENERATED .../SET seq options: def DefElem list */
	AT_DropIdentity,        /* ALTER name DROP IDENTITY [IF EXISTS] */
	AT_SetStatistics,       /* ALTER name SET STATISTICS def (Integer) */
	AT_SetStorage,          /* ALTER name SET STORAGE def (String) */
	AT_DropExpression,      /* ALTER name DROP EXPRESSION [IF EXISTS] */
	AT_SetRelOptions,       /* SET (options): def DefElem list */
	AT_ResetRelOptions,     /* RESET (options) */
	AT_ChangeOwner,         /* OWNER TO newowner */
	AT_SetLogged, AT_SetUnLogged,
	AT_ClusterOn,           /* CLUSTER ON name */
	AT_DropCluster,         /* SET WITHOUT CLUSTER */
	AT_EnableTrig, AT_DisableTrig, AT_EnableTrigAll, AT_DisableTrigAll,
	AT_EnableTrigUser, AT_DisableTrigUser,
	AT_EnableRowSecurity, AT_DisableRowSecurity,
	AT_ReplicaIdentity,     /* REPLICA IDENTITY name (String: default/full/nothing/index) */
	AT_AttachPartition, AT_DetachPartition  /* reserved: not parsed */
} alter_table_type;

typedef enum {
	TRANS_STMT_BEGIN,       /* BEGIN [WORK | TRANSACTION] [modes] */
	TRANS_STMT_START,       /* START TRANSACTION [modes] */
	TRANS_STMT_COMMIT,      /* COMMIT / END [AND [NO] CHAIN] */
	TRANS_STMT_ROLLBACK,    /* ROLLBACK / ABORT [AND [NO] CHAIN] */
	TRANS_STMT_SAVEPOINT,
	TRANS_STMT_RELEASE,
	TRANS_STMT_ROLLBACK_TO,
	TRANS_STMT_PREPARE,     /* PREPARE TRANSACTION 'gid' */
	TRANS_STMT_COMMIT_PREPARED,
	TRANS_STMT_ROLLBACK_PREPARED
} transaction_stmt_kind;

typedef enum {
	VAR_SET_VALUE,          /* SET name TO/= args */
	VAR_SET_DEFAULT,        /* SET name TO DEFAULT */
	VAR_SET_CURRENT,        /* SET name FROM CURRENT */
	VAR_SET_MULTI,          /* SET TRANSACTION / SESSION CHARACTERISTICS / TIME ZONE ...:
	                         * name "TRANSACTION", "SESSION CHARACTERISTICS" */
	VAR_RESET,              /* RESET name */
	VAR_RESET_ALL           /* RESET ALL */
} var_set_kind;

typedef enum { ROLESTMT_ROLE, ROLESTMT_USER, ROLESTMT_GROUP } role_stmt_type;
typedef enum { ROLESPEC_CSTRING, ROLESPEC_CURRENT_ROLE, ROLESPEC_CURRENT_USER,
               ROLESPEC_SESSION_USER, ROLESPEC_PUBLIC } rolespec_type;

typedef enum { ACL_TARGET_OBJECT, ACL_TARGET_ALL_IN_SCHEMA } grant_target_type;

typedef enum { FUNC_PARAM_IN = 'i', FUNC_PARAM_OUT = 'o', FUNC_PARAM_INOUT = 'b',
               FUNC_PARAM_VARIADIC = 'v', FUNC_PARAM_TABLE = 't',
               FUNC_PARAM_DEFAULT = 'd' } function_parameter_mode;

/* CreateTrigStmt timing and event bits (PostgreSQL's TRIGGER_TYPE_* values). */
#define TRIGGER_TYPE_ROW (1 << 0)
#define TRIGGER_TYPE_BEFORE (1 << 1)
#define TRIGGER_TYPE_INSERT (1 << 2)
#define TRIGGER_TYPE_DELETE (1 << 3)
#define TRIGGER_TYPE_UPDATE (1 << 4)
#define TRIGGER_TYPE_TRUNCATE (1 << 5)
#define TRIGGER_TYPE_INSTEAD (1 << 6)
#define TRIGGER_TYPE_AFTER 0

typedef enum { REINDEX_OBJECT_INDEX, REINDEX_OBJECT_TABLE, REINDEX_OBJECT_SCHEMA,
               REINDEX_OBJECT_SYSTEM, REINDEX_OBJECT_DATABASE,
               REINDEX_OBJECT_ANY /* sqlite's REINDEX name: an index or a table */
} reindex_object_type;

typedef enum { DISCARD_ALL, DISCARD_PLANS, DISCARD_SEQUENCES, DISCARD_TEMP } discard_mode;

/* LockStmt.mode, PostgreSQL's lock mode numbers */
enum { AccessShareLock = 1, RowShareLock, RowExclusiveLock, ShareUpdateExclusiveLock,
       ShareLock, ShareRowExclusiveLock, ExclusiveLock, AccessExclusiveLock };

typedef enum { VIEW_CHECK_NONE, VIEW_CHECK_LOCAL, VIEW_CHECK_CASCADED } view_check_option;

typedef enum { FETCH_FORWARD, FETCH_BACKWARD, FETCH_ABSOLUTE, FETCH_RELATIVE } fetch_direction;
#define FETCH_ALL INT64_MAX

/* DeclareCursorStmt.options bits */
enum { CURSOR_OPT_BINARY = 1 << 0, CURSOR_OPT_SCROLL = 1 << 1, CURSOR_OPT_NO_SCROLL = 1 << 2,
       CURSOR_OPT_INSENSITIVE = 1 << 3, CURSOR_OPT_ASENSITIVE = 1 << 4,
       CURSOR_OPT_HOLD = 1 << 5 };

/* Interval field bits and typmod (PostgreSQL's values: the typmod a client sees). */
#define INTERVAL_MASK_MONTH (1 << 1)
#define INTERVAL_MASK_YEAR (1 << 2)
#define INTERVAL_MASK_DAY (1 << 3)
#define INTERVAL_MASK_HOUR (1 << 10)
#define INTERVAL_MASK_MINUTE (1 << 11)
#define INTERVAL_MASK_SECOND (1 << 12)
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF

/* AST-NODES-BEGIN (read by ast_gen.awk: one field per line) */

/* ---- value nodes: names, option arguments, array bounds --------------------------------- */

typedef struct String {
	ast_node hdr;
	char *sval;
} String;

typedef struct Integer {
	ast_node hdr;
	int ival;
} Integer;

/* A number that is not an int4: its text, as written ("1.5", "1e10", "9999999999"). */
typedef struct Float {
	ast_node hdr;
	char *fval;
} Float;

typedef struct Boolean {
	ast_node hdr;
	bool boolval;
} Boolean;

/* ---- expressions -------------------------------------------------------------------------- */

/*
 * A literal.  CONST_INT: ival (fits int4).  CONST_FLOAT: sval is the text of a number that
 * has a fraction or exponent or does not fit int4 (the analyzer types it int8 when it is
 * an integer that fits, else numeric).  CONST_STRING: sval after escape processing, type
 * still unknown.  CONST_BITSTRING: sval is "b0101" or "x1F" (B'...' or X'...').
 * CONST_BOOL: ival 0/1 (TRUE, FALSE).  CONST_NULL: NULL.  A unary minus applied to a
 * numeric literal is folded into it, as PostgreSQL does ("-2147483648" is an int4).
 */
typedef struct A_Const {
	ast_node hdr;
	const_kind ckind;
	int ival;
	char *sval;
} A_Const;

/* a, t.a, s.t.a, t.*, *: fields are String nodes, the last may be A_Star. */
typedef struct ColumnRef {
	ast_node hdr;
	ast_list *fields;
} ColumnRef;

/* $n; $0 is accepted here and refused by the analyzer (42P02), as in PostgreSQL */
typedef struct ParamRef {
	ast_node hdr;
	int number;
} ParamRef;

/* Operators and operator-like constructs: see aexpr_kind.  name is the operator's name as
 * a list of Strings: ["+"], or ["pg_catalog", "~"] for OPERATOR(pg_catalog.~). */
typedef struct A_Expr {
	ast_node hdr;
	aexpr_kind kind;
	ast_list *name;
	ast_node *lexpr;
	ast_node *rexpr;
} A_Expr;

/* AND / OR with two or more args (chains are flattened), NOT with one. */
typedef struct BoolExpr {
	ast_node hdr;
	boolexpr_kind boolop;
	ast_list *args;
} BoolExpr;

/* x IS [NOT] NULL, x ISNULL, x NOTNULL */
typedef struct NullTest {
	ast_node hdr;
	ast_node *arg;
	nulltest_kind nulltesttype;
} NullTest;

/* x IS [NOT] TRUE / FALSE / UNKNOWN */
typedef struct BooleanTest {
	ast_node hdr;
	ast_node *arg;
	booltest_kind booltesttype;
} BooleanTest;

/* CAST(x AS t), x::t, and typed literals (DATE '2024-01-01' is a cast of a string). */
typedef struct TypeCast {
	ast_node hdr;
	ast_node *arg;
	struct TypeName *typeName;
} TypeCast;

/* x COLLATE name; also ColumnDef.collClause (arg NULL there). */
typedef struct CollateClause {
	ast_node hdr;
	ast_node *arg;
	ast_list *collname;
} CollateClause;

/*
 * A function call.  funcname is qualified as written; special syntaxes are mapped to
 * calls as PostgreSQL does and marked COERCE_SQL_SYNTAX: EXTRACT(f FROM x) ->
 * pg_catalog.extract('f', x); POSITION(a IN b) -> pg_catalog.position(b, a);
 * SUBSTRING(x FROM a FOR b) -> pg_catalog.substring(x, a, b); TRIM([BOTH] c FROM x) ->
 * pg_catalog.btrim(x, c) (ltrim for LEADING, rtrim for TRAILING); OVERLAY(x PLACING y FROM
 * a FOR b) -> pg_catalog.overlay(x, y, a, b); x AT TIME ZONE z -> pg_catalog.timezone(z, x);
 * LIKE ... ESCAPE e -> pg_catalog.like_escape(p, e); (a, b) OVERLAPS (c, d) ->
 * pg_catalog.overlaps(a, b, c, d); COLLATION FOR (x) -> pg_catalog.pg_collation_for(x).
 */
typedef struct FuncCall {
	ast_node hdr;
	ast_list *funcname;       /* String list */
	ast_list *args;           /* expressions, NamedArgExpr for name => value */
	ast_list *agg_order;      /* SortBy list: f(x ORDER BY y) or WITHIN GROUP (ORDER BY y) */
	ast_node *agg_filter;     /* FILTER (WHERE ...) */
	struct WindowDef *over;   /* OVER (...) or OVER name */
	bool agg_within_group;    /* agg_order came from WITHIN GROUP */
	bool agg_star;            /* count(*) */
	bool agg_distinct;        /* f(DISTINCT x) */
	bool func_variadic;       /* last argument marked VARIADIC */
	coercion_form funcformat;
} FuncCall;

/* name => value, name := value in a function's argument list */
typedef struct NamedArgExpr {
	ast_node hdr;
	ast_node *arg;
	char *name;
} NamedArgExpr;

/* "*" in a ColumnRef or an indirection */
typedef struct A_Star {
	ast_node hdr;
} A_Star;

/* [uidx] or [lidx:uidx]; either bound of a slice may be NULL */
typedef struct A_Indices {
	ast_node hdr;
	bool is_slice;
	ast_node *lidx;
	ast_node *uidx;
} A_Indices;

/* arg followed by subscripts (A_Indices), field selections (String) or .* (A_Star),
 * e.g. (x).f, $1[2], (SELECT ...)[1]. */
typedef struct A_Indirection {
	ast_node hdr;
	ast_node *arg;
	ast_list *indirection;
} A_Indirection;

/* ARRAY[...]; nested [...] inside it are A_ArrayExpr too */
typedef struct A_ArrayExpr {
	ast_node hdr;
	ast_list *elements;
} A_ArrayExpr;

/* A subquery in an expression: see sublink_type.  operName is a String list for ANY/ALL
 * (and "=" for IN (select)); NOT IN (select) is a NOT BoolExpr over an ANY SubLink. */
typedef struct SubLink {
	ast_node hdr;
	sublink_type subLinkType;
	ast_node *testexpr;
	ast_list *operName;
	ast_node *subselect;      /* SelectStmt */
} SubLink;

/* CASE [arg] WHEN ... THEN ... [ELSE defresult] END */
typedef struct CaseExpr {
	ast_node hdr;
	ast_node *arg;
	ast_list *args;           /* CaseWhen list */
	ast_node *defresult;
} CaseExpr;

typedef struct CaseWhen {
	ast_node hdr;
	ast_node *expr;
	ast_node *result;
} CaseWhen;

/* ROW(a, b) or (a, b) */
typedef struct RowExpr {
	ast_node hdr;
	ast_list *args;
	row_format row_format;
} RowExpr;

typedef struct CoalesceExpr {
	ast_node hdr;
	ast_list *args;
} CoalesceExpr;

/* GREATEST(...) / LEAST(...) */
typedef struct MinMaxExpr {
	ast_node hdr;
	minmax_op op;
	ast_list *args;
} MinMaxExpr;

/* CURRENT_DATE, CURRENT_TIMESTAMP(p), CURRENT_USER, ...; typmod is p or -1 */
typedef struct SQLValueFunction {
	ast_node hdr;
	svf_op op;
	int typmod;
} SQLValueFunction;

/* DEFAULT used as a value (VALUES lists, UPDATE SET); the analyzer rejects it elsewhere */
typedef struct SetToDefault {
	ast_node hdr;
} SetToDefault;

/* GROUPING(a, b) */
typedef struct GroupingFunc {
	ast_node hdr;
	ast_list *args;
} GroupingFunc;

/* WHERE CURRENT OF cursor (UPDATE, DELETE) */
typedef struct CurrentOfExpr {
	ast_node hdr;
	char *cursor_name;
} CurrentOfExpr;

/* ---- pieces of statements ----------------------------------------------------------------- */

/*
 * A type name.  SQL-standard spellings are mapped as PostgreSQL does: int/integer ->
 * pg_catalog.int4, smallint -> pg_catalog.int2, bigint -> pg_catalog.int8, real ->
 * pg_catalog.float4, float(p) -> float4 (p <= 24) or float8, double precision/float ->
 * pg_catalog.float8, decimal/dec/numeric -> pg_catalog.numeric, boolean -> pg_catalog.bool,
 * char(n)/character(n) -> pg_catalog.bpchar (typmods [1] when no length, except in typed
 * literals), varchar/character varying -> pg_catalog.varchar, bit -> pg_catalog.bit,
 * bit varying -> pg_catalog.varbit, time [with time zone] -> pg_catalog.time / timetz,
 * timestamp [with time zone] -> pg_catalog.timestamp / timestamptz, interval [fields] ->
 * pg_catalog.interval with typmods [field mask] or [field mask, precision].  Other names
 * (text, date, int4, "char", json, my_schema.my_type) are kept as written.
 * typmods holds the (p, s) expressions as written; arrayBounds one Integer per [] (-1 for
 * no bound).
 */
typedef struct TypeName {
	ast_node hdr;
	ast_list *names;
	ast_list *typmods;
	ast_list *arrayBounds;
	bool setof;               /* SETOF t (function results) */
	bool pct_type;            /* name%TYPE (function arguments) */
} TypeName;

/*
 * Target list entry: SELECT val [AS name]; INSERT column list (name, indirection, no val);
 * UPDATE SET name[indirection] = val.
 */
typedef struct ResTarget {
	ast_node hdr;
	char *name;
	ast_list *indirection;    /* A_Indices / String after a target column name */
	ast_node *val;
} ResTarget;

/*
 * UPDATE ... SET (a, b) = source: each of the n ResTargets gets a MultiAssignRef with
 * colno 1..n whose `source` points to the SAME node (the only shared node in a tree;
 * ast_copy gives each copy its own source).
 */
typedef struct MultiAssignRef {
	ast_node hdr;
	ast_node *source;
	int colno;
	int ncolumns;
} MultiAssignRef;

/* ORDER BY node [ASC | DESC | USING op] [NULLS FIRST | LAST] */
typedef struct SortBy {
	ast_node hdr;
	ast_node *node;
	sortby_dir sortby_dir;
	sortby_nulls sortby_nulls;
	ast_list *useOp;
} SortBy;

/* A window: WINDOW name AS (spec) sets name; OVER name sets name and nothing else;
 * OVER (refname PARTITION BY ... ORDER BY ... frame) names the window it extends in
 * refname. */
typedef struct WindowDef {
	ast_node hdr;
	char *name;
	char *refname;
	ast_list *partitionClause;
	ast_list *orderClause;     /* SortBy list */
	int frameOptions;          /* FRAMEOPTION_* */
	ast_node *startOffset;
	ast_node *endOffset;
} WindowDef;

/* [catalog.][schema.]relname [alias]; inh false for ONLY */
typedef struct RangeVar {
	ast_node hdr;
	char *catalogname;
	char *schemaname;
	char *relname;
	bool inh;
	char relpersistence;
	struct Alias *alias;
} RangeVar;

/* AS aliasname (colnames) */
typedef struct Alias {
	ast_node hdr;
	char *aliasname;
	ast_list *colnames;
} Alias;

/* (select) [AS] alias, LATERAL (select) alias */
typedef struct RangeSubselect {
	ast_node hdr;
	bool lateral;
	ast_node *subquery;
	struct Alias *alias;
} RangeSubselect;

/*
 * A function in FROM: f(args) [WITH ORDINALITY] [AS alias (cols) | AS alias (col type, ...)]
 * or ROWS FROM (f(args) [AS (coldefs)], ...).  functions is a list of two-element Lists
 * (FuncCall-like expression, column definition list or NULL).
 */
typedef struct RangeFunction {
	ast_node hdr;
	bool lateral;
	bool ordinality;
	bool is_rowsfrom;
	ast_list *functions;
	struct Alias *alias;
	ast_list *coldeflist;      /* ColumnDef list: AS alias (a int, b text) */
} RangeFunction;

/* larg [NATURAL] {INNER|LEFT|RIGHT|FULL|CROSS} JOIN rarg [ON quals | USING (cols) [AS a]].
 * CROSS JOIN is an INNER join without quals. */
typedef struct JoinExpr {
	ast_node hdr;
	join_type jointype;
	bool isNatural;
	ast_node *larg;
	ast_node *rarg;
	ast_list *usingClause;     /* String list */
	struct Alias *join_using_alias;
	ast_node *quals;
	struct Alias *alias;       /* (a JOIN b ON ...) AS alias */
} JoinExpr;

/* GROUP BY (), ROLLUP (...), CUBE (...), GROUPING SETS (...); content holds expressions,
 * RowExpr-free sublists as GroupingSet SIMPLE nodes */
typedef struct GroupingSet {
	ast_node hdr;
	grouping_set_kind kind;
	ast_list *content;
} GroupingSet;

typedef struct WithClause {
	ast_node hdr;
	ast_list *ctes;            /* CommonTableExpr list */
	bool recursive;
} WithClause;

/* name [(cols)] AS [[NOT] MATERIALIZED] (query) */
typedef struct CommonTableExpr {
	ast_node hdr;
	char *ctename;
	ast_list *aliascolnames;
	cte_materialize ctematerialized;
	ast_node *ctequery;
} CommonTableExpr;

/* FOR UPDATE/NO KEY UPDATE/SHARE/KEY SHARE [OF rels] [NOWAIT | SKIP LOCKED] */
typedef struct LockingClause {
	ast_node hdr;
	ast_list *lockedRels;      /* RangeVar list */
	lock_strength strength;
	lock_wait_policy waitPolicy;
} LockingClause;

/* SELECT ... INTO t, CREATE TABLE t AS, CREATE MATERIALIZED VIEW t AS */
typedef struct IntoClause {
	ast_node hdr;
	struct RangeVar *rel;
	ast_list *colNames;
	char *accessMethod;
	ast_list *options;         /* WITH (...) DefElems */
	oncommit_action onCommit;
	char *tableSpaceName;
	bool skipData;             /* WITH NO DATA */
} IntoClause;

/*
 * INSERT ... ON CONFLICT [infer] DO NOTHING | DO UPDATE SET ... [WHERE ...], and MySQL's
 * ON DUPLICATE KEY UPDATE a = x, ... (duplicate_key true, infer NULL: any unique key; a
 * VALUES(col) in its expressions is parsed as excluded.col).
 */
typedef struct OnConflictClause {
	ast_node hdr;
	onconflict_action action;
	struct InferClause *infer;
	ast_list *targetList;      /* ResTarget list */
	ast_node *whereClause;
	bool duplicate_key;
} OnConflictClause;

/* ON CONFLICT (elems) [WHERE pred] or ON CONFLICT ON CONSTRAINT conname */
typedef struct InferClause {
	ast_node hdr;
	ast_list *indexElems;      /* IndexElem list */
	ast_node *whereClause;
	char *conname;
} InferClause;

/* A column in CREATE TABLE / ALTER TABLE ADD COLUMN / a column definition list. */
typedef struct ColumnDef {
	ast_node hdr;
	char *colname;
	struct TypeName *typeName;
	ast_list *constraints;     /* Constraint list, in written order */
	struct CollateClause *collClause;
	ast_node *raw_default;     /* only ALTER COLUMN TYPE ... USING expr */
	char *compression;         /* COMPRESSION name */
	char *storage;             /* STORAGE name */
} ColumnDef;

/*
 * A column or table constraint.  Column constraints: keys NULL (the column is implied).
 * DEFERRABLE / INITIALLY DEFERRED / NOT VALID / NO INHERIT are folded into the constraint
 * they follow.  IDENTITY: generated_when + options (sequence DefElems).  GENERATED ... AS
 * (expr) STORED: raw_expr.  EXCLUSION: exclusions is a list of two-element Lists (IndexElem,
 * operator name String list).
 */
typedef struct Constraint {
	ast_node hdr;
	constr_type contype;
	char *conname;
	bool deferrable;
	bool initdeferred;
	bool skip_validation;      /* NOT VALID */
	bool is_no_inherit;
	ast_node *raw_expr;        /* CHECK, DEFAULT, GENERATED expression */
	char generated_when;       /* IDENTITY / GENERATED: 'a' always, 'd' by default */
	bool nulls_not_distinct;
	ast_list *keys;            /* PRIMARY KEY/UNIQUE columns (String list) */
	ast_list *including;       /* INCLUDE (cols) */
	ast_list *exclusions;
	ast_list *options;         /* WITH (...) index options, IDENTITY sequence options */
	char *indexname;           /* USING INDEX name (ALTER TABLE ADD ... USING INDEX) */
	char *indexspace;          /* USING INDEX TABLESPACE name */
	char *access_method;       /* EXCLUDE USING method */
	ast_node *where_clause;    /* EXCLUDE ... WHERE (pred) */
	struct RangeVar *pktable;  /* REFERENCES pktable (pk_attrs) */
	ast_list *fk_attrs;        /* FOREIGN KEY (fk_attrs) */
	ast_list *pk_attrs;
	char fk_matchtype;         /* FKCONSTR_MATCH_* */
	char fk_upd_action;        /* FKCONSTR_ACTION_* */
	char fk_del_action;
	ast_list *fk_del_set_cols; /* ON DELETE SET NULL (cols) */
} Constraint;

/* An index column or expression: name | (expr) [COLLATE c] [opclass] [ASC|DESC]
 * [NULLS FIRST|LAST]; also PARTITION BY elements and ON CONFLICT inference elements. */
typedef struct IndexElem {
	ast_node hdr;
	char *name;
	ast_node *expr;
	ast_list *collation;
	ast_list *opclass;
	ast_list *opclassopts;
	sortby_dir ordering;
	sortby_nulls nulls_ordering;
} IndexElem;

/* name [= arg]: options of every kind (WITH (fillfactor=100), COPY and EXPLAIN options,
 * sequence, role, function, transaction and database options).  arg is a String, Integer,
 * Float, Boolean, TypeName, List or NULL; defnamespace qualifies reloptions (toast.x). */
typedef struct DefElem {
	ast_node hdr;
	char *defnamespace;
	char *defname;
	ast_node *arg;
} DefElem;

/* LIKE source [INCLUDING|EXCLUDING option ...] in CREATE TABLE */
typedef struct TableLikeClause {
	ast_node hdr;
	struct RangeVar *relation;
	int options;               /* CREATE_TABLE_LIKE_* bits included */
} TableLikeClause;

/* PARTITION BY strategy (params): parsed, rejected by the analyzer (0A000) */
typedef struct PartitionSpec {
	ast_node hdr;
	char *strategy;            /* "range", "list", "hash" */
	ast_list *partParams;      /* IndexElem list */
} PartitionSpec;

/* [mode] [name] type [DEFAULT expr] in CREATE FUNCTION/PROCEDURE */
typedef struct FunctionParameter {
	ast_node hdr;
	char *name;
	struct TypeName *argType;
	function_parameter_mode mode;
	ast_node *defexpr;
} FunctionParameter;

/* A role name or CURRENT_USER / SESSION_USER / CURRENT_ROLE / PUBLIC */
typedef struct RoleSpec {
	ast_node hdr;
	rolespec_type roletype;
	char *rolename;
} RoleSpec;

/* A function name with optional argument types (DROP FUNCTION f(int), GRANT ... ON
 * FUNCTION, COMMENT ON FUNCTION). */
typedef struct ObjectWithArgs {
	ast_node hdr;
	ast_list *objname;
	ast_list *objargs;         /* TypeName list */
	bool args_unspecified;     /* no parenthesised list given */
} ObjectWithArgs;

/* a privilege in GRANT / REVOKE: priv_name NULL means ALL [PRIVILEGES] */
typedef struct AccessPriv {
	ast_node hdr;
	char *priv_name;
	ast_list *cols;
} AccessPriv;

/* a table in VACUUM / ANALYZE with optional column list */
typedef struct VacuumRelation {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *va_cols;
} VacuumRelation;

/* one ALTER TABLE action: see alter_table_type */
typedef struct AlterTableCmd {
	ast_node hdr;
	alter_table_type subtype;
	char *name;                /* column or constraint name */
	struct RoleSpec *newowner;
	ast_node *def;
	drop_behavior behavior;
	bool missing_ok;           /* IF [NOT] EXISTS */
} AlterTableCmd;

/* A NOTICE raised while parsing (identifier truncation, 42622). */
typedef struct ParseNotice {
	ast_node hdr;
	char *sqlstate;
	char *message;
} ParseNotice;

/* ---- statements --------------------------------------------------------------------------- */

/* One statement of a query string: hdr.loc = stmt_location. */
typedef struct RawStmt {
	ast_node hdr;
	ast_node *stmt;
	int stmt_location;         /* byte offset of its first token */
	int stmt_len;              /* bytes up to the end of its last token (';' excluded) */
} RawStmt;

/*
 * SELECT, VALUES, TABLE t and set operations.  A leaf (op SETOP_NONE) has either a target
 * list (+ from, where ...) or valuesLists; a set operation node has larg/rarg (SelectStmt)
 * and may itself carry sortClause, limits, locking and withClause that apply to the whole.
 * DISTINCT: distinct true and distinctOn NULL; DISTINCT ON (...): distinctOn.  LIMIT ALL is
 * limitCount = A_Const NULL.  TABLE t is SELECT * FROM t.
 */
typedef struct SelectStmt {
	ast_node hdr;
	bool distinct;
	ast_list *distinctOn;
	struct IntoClause *intoClause;
	ast_list *targetList;      /* ResTarget list */
	ast_list *fromClause;      /* RangeVar, RangeSubselect, RangeFunction, JoinExpr */
	ast_node *whereClause;
	ast_list *groupClause;     /* expressions and GroupingSets */
	bool groupDistinct;        /* GROUP BY DISTINCT */
	ast_node *havingClause;
	ast_list *windowClause;    /* WindowDef list */
	ast_list *valuesLists;     /* List of Lists of expressions */
	ast_list *sortClause;      /* SortBy list */
	ast_node *limitOffset;
	ast_node *limitCount;
	limit_option limitOption;
	ast_list *lockingClause;   /* LockingClause list */
	struct WithClause *withClause;
	set_operation op;
	bool all;
	struct SelectStmt *larg;
	struct SelectStmt *rarg;
} SelectStmt;

/*
 * INSERT INTO relation [AS alias] [(cols)] [OVERRIDING ...] {selectStmt | DEFAULT VALUES}
 * [ON CONFLICT ... | ON DUPLICATE KEY UPDATE ...] [RETURNING ...].  selectStmt NULL means
 * DEFAULT VALUES; VALUES lists are a SelectStmt with valuesLists.  is_replace: sqlite's
 * REPLACE INTO / INSERT OR REPLACE INTO (replace a row whose key conflicts).
 */
typedef struct InsertStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *cols;            /* ResTarget list */
	ast_node *selectStmt;
	struct OnConflictClause *onConflictClause;
	ast_list *returningList;   /* ResTarget list */
	struct WithClause *withClause;
	overriding_kind override;
	bool is_replace;
} InsertStmt;

typedef struct UpdateStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *targetList;      /* ResTarget list (name, indirection, val) */
	ast_node *whereClause;     /* may be CurrentOfExpr */
	ast_list *fromClause;
	ast_list *returningList;
	struct WithClause *withClause;
} UpdateStmt;

typedef struct DeleteStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *usingClause;
	ast_node *whereClause;
	ast_list *returningList;
	struct WithClause *withClause;
} DeleteStmt;

/* CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] relation (elements) ...; relation's
 * relpersistence carries TEMP/UNLOGGED. */
typedef struct CreateStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *tableElts;       /* ColumnDef, Constraint, TableLikeClause */
	ast_list *inhRelations;    /* INHERITS (RangeVar list) */
	struct PartitionSpec *partspec;
	ast_list *options;         /* WITH (DefElem list) */
	oncommit_action oncommit;
	char *tablespacename;
	char *accessMethod;        /* USING method */
	bool if_not_exists;
} CreateStmt;

/* CREATE TABLE ... AS query [WITH [NO] DATA], CREATE MATERIALIZED VIEW ... AS query, and
 * SELECT ... INTO (is_select_into; query is the SELECT without its INTO). */
typedef struct CreateTableAsStmt {
	ast_node hdr;
	ast_node *query;
	struct IntoClause *into;
	object_type objtype;       /* OBJECT_TABLE or OBJECT_MATVIEW */
	bool is_select_into;
	bool if_not_exists;
} CreateTableAsStmt;

/* ALTER {TABLE|INDEX|VIEW|SEQUENCE|MATERIALIZED VIEW} [IF EXISTS] [ONLY] rel cmd, ... */
typedef struct AlterTableStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_list *cmds;            /* AlterTableCmd list */
	object_type objtype;
	bool missing_ok;
} AlterTableStmt;

/*
 * ALTER ... RENAME: renameType is the kind of object renamed (OBJECT_TABLE, OBJECT_COLUMN,
 * OBJECT_TABCONSTRAINT, OBJECT_INDEX, OBJECT_SCHEMA, OBJECT_ROLE, OBJECT_TRIGGER ...);
 * relationType the kind of the relation named for columns and constraints.  Relations are
 * in `relation`; other objects in `object` (a String list, or ObjectWithArgs), `subname`
 * is the old column/constraint/trigger name, or the old name of a schema/role/database.
 */
typedef struct RenameStmt {
	ast_node hdr;
	object_type renameType;
	object_type relationType;
	struct RangeVar *relation;
	ast_node *object;
	char *subname;
	char *newname;
	bool missing_ok;
} RenameStmt;

/* ALTER TABLE/VIEW/SEQUENCE/FUNCTION ... SET SCHEMA newschema */
typedef struct AlterObjectSchemaStmt {
	ast_node hdr;
	object_type objectType;
	struct RangeVar *relation;
	ast_node *object;
	char *newschema;
	bool missing_ok;
} AlterObjectSchemaStmt;

/*
 * DROP {TABLE|VIEW|MATERIALIZED VIEW|INDEX|SEQUENCE|SCHEMA|FUNCTION|PROCEDURE|TRIGGER|TYPE
 * ...} [IF EXISTS] names [CASCADE|RESTRICT].  objects: one String list per name (qualified
 * as written); functions: ObjectWithArgs; triggers: [table names..., trigger name], or just
 * [trigger name] for sqlite's DROP TRIGGER name.
 */
typedef struct DropStmt {
	ast_node hdr;
	ast_list *objects;
	object_type removeType;
	drop_behavior behavior;
	bool missing_ok;
	bool concurrent;
} DropStmt;

typedef struct TruncateStmt {
	ast_node hdr;
	ast_list *relations;       /* RangeVar list */
	bool restart_seqs;
	drop_behavior behavior;
} TruncateStmt;

/* CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] rel [USING method]
 * (elems) [INCLUDE (cols)] [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE t] [WHERE pred] */
typedef struct IndexStmt {
	ast_node hdr;
	char *idxname;
	struct RangeVar *relation;
	char *accessMethod;
	char *tableSpace;
	ast_list *indexParams;          /* IndexElem list */
	ast_list *indexIncludingParams; /* IndexElem list (names only) */
	ast_list *options;
	ast_node *whereClause;
	bool unique;
	bool nulls_not_distinct;
	bool concurrent;
	bool if_not_exists;
} IndexStmt;

/* REINDEX [(options)] {INDEX|TABLE|SCHEMA|SYSTEM|DATABASE} [CONCURRENTLY] name; also
 * sqlite's REINDEX name (kind REINDEX_OBJECT_ANY) */
typedef struct ReindexStmt {
	ast_node hdr;
	reindex_object_type kind;
	struct RangeVar *relation;
	char *name;
	ast_list *params;               /* DefElem list (verbose, concurrently, tablespace) */
} ReindexStmt;

/* CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW view [(aliases)] [WITH (options)] AS query
 * [WITH [CASCADED|LOCAL] CHECK OPTION] */
typedef struct ViewStmt {
	ast_node hdr;
	struct RangeVar *view;
	ast_list *aliases;
	ast_node *query;
	bool replace;
	ast_list *options;
	view_check_option withCheckOption;
} ViewStmt;

typedef struct RefreshMatViewStmt {
	ast_node hdr;
	bool concurrent;
	bool skipData;
	struct RangeVar *relation;
} RefreshMatViewStmt;

/* CREATE [TEMP] SEQUENCE [IF NOT EXISTS] s [options]: options are DefElems named
 * as_type (TypeName), increment, minvalue, maxvalue (arg NULL for NO MINVALUE/MAXVALUE),
 * start, restart (arg NULL: RESTART alone), cache, cycle (Boolean), owned_by (String list,
 * ["none"] for OWNED BY NONE), sequence_name. */
typedef struct CreateSeqStmt {
	ast_node hdr;
	struct RangeVar *sequence;
	ast_list *options;
	bool if_not_exists;
} CreateSeqStmt;

typedef struct AlterSeqStmt {
	ast_node hdr;
	struct RangeVar *sequence;
	ast_list *options;
	bool missing_ok;
} AlterSeqStmt;

typedef struct CreateSchemaStmt {
	ast_node hdr;
	char *schemaname;
	struct RoleSpec *authrole;
	ast_list *schemaElts;           /* CREATE TABLE/VIEW/INDEX/SEQUENCE... inside it */
	bool if_not_exists;
} CreateSchemaStmt;

typedef struct CreatedbStmt {
	ast_node hdr;
	char *dbname;
	ast_list *options;              /* DefElem list (owner, template, encoding ...) */
} CreatedbStmt;

typedef struct DropdbStmt {
	ast_node hdr;
	char *dbname;
	bool missing_ok;
	ast_list *options;              /* WITH (FORCE) */
} DropdbStmt;

/* CREATE ROLE/USER/GROUP name [WITH] options: DefElems named password (String or NULL),
 * superuser, createdb, createrole, inherit, canlogin, isreplication, bypassrls
 * (Boolean), connectionlimit (Integer), validUntil (String), rolemembers/adminmembers/
 * addroleto (RoleSpec lists), sysid. */
typedef struct CreateRoleStmt {
	ast_node hdr;
	role_stmt_type stmt_type;
	char *role;
	ast_list *options;
} CreateRoleStmt;

/* ALTER ROLE/USER name [WITH] options (same DefElems as CREATE ROLE); ALTER ROLE name
 * SET/RESET ... is setstmt; RENAME TO is a RenameStmt. */
typedef struct AlterRoleStmt {
	ast_node hdr;
	struct RoleSpec *role;
	ast_list *options;
	ast_node *setstmt;              /* VariableSetStmt */
	char *database;                 /* IN DATABASE db */
} AlterRoleStmt;

typedef struct DropRoleStmt {
	ast_node hdr;
	ast_list *roles;                /* RoleSpec list */
	bool missing_ok;
} DropRoleStmt;

/* GRANT/REVOKE privileges ON objects TO/FROM grantees */
typedef struct GrantStmt {
	ast_node hdr;
	bool is_grant;
	grant_target_type targtype;
	object_type objtype;
	ast_list *objects;              /* RangeVar list for tables, String lists, ObjectWithArgs */
	ast_list *privileges;           /* AccessPriv list, NULL = ALL PRIVILEGES */
	ast_list *grantees;             /* RoleSpec list */
	bool grant_option;
	struct RoleSpec *grantor;
	drop_behavior behavior;
} GrantStmt;

/* GRANT role TO role / REVOKE role FROM role */
typedef struct GrantRoleStmt {
	ast_node hdr;
	ast_list *granted_roles;        /* AccessPriv list (names) */
	ast_list *grantee_roles;        /* RoleSpec list */
	bool is_grant;
	bool admin_opt;
	struct RoleSpec *grantor;
	drop_behavior behavior;
} GrantRoleStmt;

/* COMMENT ON objtype object IS 'text' | NULL */
typedef struct CommentStmt {
	ast_node hdr;
	object_type objtype;
	ast_node *object;               /* String list, ObjectWithArgs, or for columns the
	                                 * qualified column name as a String list */
	char *comment;
} CommentStmt;

/* CREATE [OR REPLACE] FUNCTION/PROCEDURE name (params) [RETURNS type | RETURNS TABLE (...)]
 * options.  options are DefElems: as (List of Strings: body[, link symbol]), language
 * (String), volatility (String immutable/stable/volatile), strict (Boolean), security
 * (Boolean: SECURITY DEFINER), leakproof, parallel (String), cost, rows (Float/Integer),
 * window, set (VariableSetStmt).  sql_body: a BEGIN ATOMIC ... END body (List of
 * statements) or a RETURN expression. */
typedef struct CreateFunctionStmt {
	ast_node hdr;
	bool is_procedure;
	bool replace;
	ast_list *funcname;
	ast_list *parameters;           /* FunctionParameter list (TABLE columns included) */
	struct TypeName *returnType;
	ast_list *options;
	ast_node *sql_body;
} CreateFunctionStmt;

typedef struct CallStmt {
	ast_node hdr;
	struct FuncCall *funccall;
} CallStmt;

/* DO [LANGUAGE lang] 'code': DefElems as (String) and language (String) */
typedef struct DoStmt {
	ast_node hdr;
	ast_list *args;
} DoStmt;

/*
 * CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE|AFTER|INSTEAD OF} events ON rel
 * [FOR [EACH] {ROW|STATEMENT}] [WHEN (cond)] EXECUTE {FUNCTION|PROCEDURE} f(args)
 * — and sqlite's CREATE TRIGGER name [timing] event ON rel [FOR EACH ROW] [WHEN cond]
 * BEGIN stmt; ... END (funcname NULL, body the statement list).
 */
typedef struct CreateTrigStmt {
	ast_node hdr;
	bool replace;
	bool isconstraint;
	char *trigname;
	struct RangeVar *relation;
	ast_list *funcname;
	ast_list *args;                 /* String list */
	bool row;
	int timing;                     /* TRIGGER_TYPE_BEFORE / AFTER / INSTEAD */
	int events;                     /* TRIGGER_TYPE_INSERT | ... */
	ast_list *columns;              /* UPDATE OF cols */
	ast_node *whenClause;
	bool deferrable;
	bool initdeferred;
	ast_list *body;                 /* sqlite trigger body: statement list */
} CreateTrigStmt;

/* BEGIN, COMMIT, ROLLBACK, SAVEPOINT ...: options are DefElems transaction_isolation
 * (String "read committed" ...), transaction_read_only (Boolean), transaction_deferrable. */
typedef struct TransactionStmt {
	ast_node hdr;
	transaction_stmt_kind kind;
	ast_list *options;
	char *savepoint_name;
	char *gid;
	bool chain;
} TransactionStmt;

/*
 * SET [SESSION|LOCAL] name {TO|=} value, ... | DEFAULT; SET TIME ZONE v (name "timezone");
 * SET NAMES v (client_encoding); SET SCHEMA 'v' (search_path); SET ROLE / SESSION
 * AUTHORIZATION (role, session_authorization); SET TRANSACTION ... and SET SESSION
 * CHARACTERISTICS AS TRANSACTION ... (VAR_SET_MULTI, args DefElems as TransactionStmt);
 * RESET name / ALL.  args are A_Const (strings, numbers) and for INTERVAL values TypeCast.
 */
typedef struct VariableSetStmt {
	ast_node hdr;
	var_set_kind kind;
	char *name;
	ast_list *args;
	bool is_local;
} VariableSetStmt;

/* SHOW name | ALL ("all"); TIME ZONE is "timezone", TRANSACTION ISOLATION LEVEL
 * "transaction_isolation", SESSION AUTHORIZATION "session_authorization" */
typedef struct VariableShowStmt {
	ast_node hdr;
	char *name;
} VariableShowStmt;

typedef struct PrepareStmt {
	ast_node hdr;
	char *name;
	ast_list *argtypes;             /* TypeName list */
	ast_node *query;
} PrepareStmt;

typedef struct ExecuteStmt {
	ast_node hdr;
	char *name;
	ast_list *params;
} ExecuteStmt;

/* DEALLOCATE [PREPARE] name | ALL (name NULL) */
typedef struct DeallocateStmt {
	ast_node hdr;
	char *name;
} DeallocateStmt;

typedef struct LockStmt {
	ast_node hdr;
	ast_list *relations;            /* RangeVar list */
	int mode;                       /* AccessShareLock ... AccessExclusiveLock */
	bool nowait;
} LockStmt;

typedef struct ListenStmt {
	ast_node hdr;
	char *conditionname;
} ListenStmt;

/* UNLISTEN name | * (NULL) */
typedef struct UnlistenStmt {
	ast_node hdr;
	char *conditionname;
} UnlistenStmt;

typedef struct NotifyStmt {
	ast_node hdr;
	char *conditionname;
	char *payload;
} NotifyStmt;

typedef struct DiscardStmt {
	ast_node hdr;
	discard_mode target;
} DiscardStmt;

/*
 * COPY relation [(attlist)] | (query) FROM/TO STDIN/STDOUT/'file'/PROGRAM 'cmd'
 * [WITH] (options): filename NULL means STDIN/STDOUT.  The old syntax (BINARY, CSV,
 * HEADER, DELIMITER [AS] 'x', NULL [AS] 'x', QUOTE, ESCAPE, FORCE QUOTE/NOT NULL, FREEZE)
 * becomes the same DefElems as the new: format (String text/csv/binary), delimiter, null,
 * header and freeze (String "true"), quote, escape, force_quote (String list or A_Star),
 * force_not_null, force_null, encoding.  Option arguments in the new syntax are kept as
 * written: String for words and strings (true/on/match...), Integer, Float, A_Star, a List
 * of Strings, or NULL when the option has no argument (HEADER alone).
 */
typedef struct CopyStmt {
	ast_node hdr;
	struct RangeVar *relation;
	ast_node *query;
	ast_list *attlist;              /* String list */
	bool is_from;
	bool is_program;
	char *filename;
	ast_list *options;
	ast_node *whereClause;
} CopyStmt;

/* EXPLAIN [ANALYZE] [VERBOSE] stmt / EXPLAIN (options) stmt: options DefElems analyze,
 * verbose, costs, buffers, timing, summary, settings, wal (arg NULL or String "on"/"off"/
 * "true"/..., Integer), format (String) */
typedef struct ExplainStmt {
	ast_node hdr;
	ast_node *query;
	ast_list *options;
} ExplainStmt;

/* VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [rels] / VACUUM (options) [rels] / ANALYZE
 * [VERBOSE] [rels]: options are DefElems (full, freeze, verbose, analyze ...). */
typedef struct VacuumStmt {
	ast_node hdr;
	ast_list *options;
	ast_list *rels;                 /* VacuumRelation list */
	bool is_vacuumcmd;              /* VACUUM (true) or ANALYZE (false) */
} VacuumStmt;

typedef struct CheckPointStmt {
	ast_node hdr;
} CheckPointStmt;

/* SET CONSTRAINTS {ALL | names} {DEFERRED | IMMEDIATE}; constraints NULL = ALL */
typedef struct ConstraintsSetStmt {
	ast_node hdr;
	ast_list *constraints;          /* RangeVar list */
	bool deferred;
} ConstraintsSetStmt;

/* DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH[OUT] HOLD]
 * FOR query */
typedef struct DeclareCursorStmt {
	ast_node hdr;
	char *portalname;
	int options;                    /* CURSOR_OPT_* */
	ast_node *query;
} DeclareCursorStmt;

/* FETCH / MOVE [direction] [FROM | IN] cursor; howMany FETCH_ALL for ALL */
typedef struct FetchStmt {
	ast_node hdr;
	fetch_direction direction;
	int64_t howMany;
	char *portalname;
	bool ismove;
} FetchStmt;

/* CLOSE name | ALL (NULL) */
typedef struct ClosePortalStmt {
	ast_node hdr;
	char *portalname;
} ClosePortalStmt;

/* AST-NODES-END */

/* ---- helpers ----------------------------------------------------------------------------- */

/* Allocate a zeroed node of the given struct with its tag and loc set. */
void *ast_new_node(ast_tag tag, size_t size, int loc);
#define AST_NEW(T, loc) ((T *)ast_new_node(T_##T, sizeof(T), (loc)))

/* Lists.  ast_list_append(NULL, x) creates a list; nth is 0-based. */
ast_list *ast_list_new(void);   /* an empty list (not NULL) */
ast_list *ast_list_make1(ast_node *x);
ast_list *ast_list_make2(ast_node *x, ast_node *y);
ast_list *ast_list_append(ast_list *l, void *x);
ast_list *ast_list_concat(ast_list *a, const ast_list *b);
static inline int ast_list_length(const ast_list *l) { return l ? l->n : 0; }
static inline void *ast_list_nth(const ast_list *l, int i) { return l->items[i]; }
static inline void *ast_list_last(const ast_list *l) { return l->items[l->n - 1]; }
#define AST_LIST_FOREACH(var, l) \
	for (int var##__i = 0; (l) != NULL && var##__i < (l)->n && \
	     ((var) = (void *)(l)->items[var##__i], 1); var##__i++)

/* Value nodes. */
String *ast_string(const char *s, int loc);   /* copies s */
Integer *ast_integer(int v, int loc);
/* String of a node known to be a String (asserts), e.g. the last element of a name list. */
const char *ast_strval(const ast_node *n);

/* Name of a tag ("SelectStmt"), "?" for an invalid one. */
const char *ast_tag_name(int tag);

/*
 * Generic tree operations, driven by the generated field table.
 *
 * ast_walk calls fn(child, ctx) for each direct child of n: node fields in declaration
 * order, and for list fields each element in turn (an element that is itself a list is
 * passed as the T_List node; calling ast_walk on a T_List visits its elements).  NULL
 * children are skipped.  A true return from fn stops the walk, and ast_walk returns true.
 * fn recurses by calling ast_walk itself.
 *
 * ast_tree_walk visits n and all its descendants in pre-order (lists not passed to fn).
 */
typedef bool (*ast_walker)(ast_node *n, void *ctx);
bool ast_walk(ast_node *n, ast_walker fn, void *ctx);
bool ast_tree_walk(ast_node *n, ast_walker fn, void *ctx);

/* Deep copy in mem_cur. */
void *ast_copy(const void *n);
/* Structural equality, ignoring locations.  NULL equals NULL and an empty list. */
bool ast_equal(const void *a, const void *b);
/* Debug text of a tree: {SelectStmt :targetList ({ResTarget ...}) ...}, locations omitted. */
char *ast_dump(const void *n);

#endif
