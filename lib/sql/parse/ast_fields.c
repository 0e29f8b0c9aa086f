/* Generated from ast.h by ast_gen.awk: do not edit. */
#include <stddef.h>
#include "sql/parse/ast.h"
#include "sql/parse/ast_int.h"

static const ast_field f_String[] = {
	{"sval", AF_STR, offsetof(String, sval)},
	{NULL, 0, 0}
};
static const ast_field f_Integer[] = {
	{"ival", AF_INT, offsetof(Integer, ival)},
	{NULL, 0, 0}
};
static const ast_field f_Float[] = {
	{"fval", AF_STR, offsetof(Float, fval)},
	{NULL, 0, 0}
};
static const ast_field f_Boolean[] = {
	{"boolval", AF_BOOL, offsetof(Boolean, boolval)},
	{NULL, 0, 0}
};
static const ast_field f_A_Const[] = {
	{"ckind", AF_INT, offsetof(A_Const, ckind)},
	{"ival", AF_INT, offsetof(A_Const, ival)},
	{"sval", AF_STR, offsetof(A_Const, sval)},
	{NULL, 0, 0}
};
static const ast_field f_ColumnRef[] = {
	{"fields", AF_LIST, offsetof(ColumnRef, fields)},
	{NULL, 0, 0}
};
static const ast_field f_ParamRef[] = {
	{"number", AF_INT, offsetof(ParamRef, number)},
	{NULL, 0, 0}
};
static const ast_field f_A_Expr[] = {
	{"kind", AF_INT, offsetof(A_Expr, kind)},
	{"name", AF_LIST, offsetof(A_Expr, name)},
	{"lexpr", AF_NODE, offsetof(A_Expr, lexpr)},
	{"rexpr", AF_NODE, offsetof(A_Expr, rexpr)},
	{NULL, 0, 0}
};
static const ast_field f_BoolExpr[] = {
	{"boolop", AF_INT, offsetof(BoolExpr, boolop)},
	{"args", AF_LIST, offsetof(BoolExpr, args)},
	{NULL, 0, 0}
};
static const ast_field f_NullTest[] = {
	{"arg", AF_NODE, offsetof(NullTest, arg)},
	{"nulltesttype", AF_INT, offsetof(NullTest, nulltesttype)},
	{NULL, 0, 0}
};
static const ast_field f_BooleanTest[] = {
	{"arg", AF_NODE, offsetof(BooleanTest, arg)},
	{"booltesttype", AF_INT, offsetof(BooleanTest, booltesttype)},
	{NULL, 0, 0}
};
static const ast_field f_TypeCast[] = {
	{"arg", AF_NODE, offsetof(TypeCast, arg)},
	{"typeName", AF_NODE, offsetof(TypeCast, typeName)},
	{NULL, 0, 0}
};
static const ast_field f_CollateClause[] = {
	{"arg", AF_NODE, offsetof(CollateClause, arg)},
	{"collname", AF_LIST, offsetof(CollateClause, collname)},
	{NULL, 0, 0}
};
static const ast_field f_FuncCall[] = {
	{"funcname", AF_LIST, offsetof(FuncCall, funcname)},
	{"args", AF_LIST, offsetof(FuncCall, args)},
	{"agg_order", AF_LIST, offsetof(FuncCall, agg_order)},
	{"agg_filter", AF_NODE, offsetof(FuncCall, agg_filter)},
	{"over", AF_NODE, offsetof(FuncCall, over)},
	{"agg_within_group", AF_BOOL, offsetof(FuncCall, agg_within_group)},
	{"agg_star", AF_BOOL, offsetof(FuncCall, agg_star)},
	{"agg_distinct", AF_BOOL, offsetof(FuncCall, agg_distinct)},
	{"func_variadic", AF_BOOL, offsetof(FuncCall, func_variadic)},
	{"funcformat", AF_INT, offsetof(FuncCall, funcformat)},
	{NULL, 0, 0}
};
static const ast_field f_NamedArgExpr[] = {
	{"arg", AF_NODE, offsetof(NamedArgExpr, arg)},
	{"name", AF_STR, offsetof(NamedArgExpr, name)},
	{NULL, 0, 0}
};
static const ast_field f_A_Star[] = {
	{NULL, 0, 0}
};
static const ast_field f_A_Indices[] = {
	{"is_slice", AF_BOOL, offsetof(A_Indices, is_slice)},
	{"lidx", AF_NODE, offsetof(A_Indices, lidx)},
	{"uidx", AF_NODE, offsetof(A_Indices, uidx)},
	{NULL, 0, 0}
};
static const ast_field f_A_Indirection[] = {
	{"arg", AF_NODE, offsetof(A_Indirection, arg)},
	{"indirection", AF_LIST, offsetof(A_Indirection, indirection)},
	{NULL, 0, 0}
};
static const ast_field f_A_ArrayExpr[] = {
	{"elements", AF_LIST, offsetof(A_ArrayExpr, elements)},
	{NULL, 0, 0}
};
static const ast_field f_SubLink[] = {
	{"subLinkType", AF_INT, offsetof(SubLink, subLinkType)},
	{"testexpr", AF_NODE, offsetof(SubLink, testexpr)},
	{"operName", AF_LIST, offsetof(SubLink, operName)},
	{"subselect", AF_NODE, offsetof(SubLink, subselect)},
	{NULL, 0, 0}
};
static const ast_field f_CaseExpr[] = {
	{"arg", AF_NODE, offsetof(CaseExpr, arg)},
	{"args", AF_LIST, offsetof(CaseExpr, args)},
	{"defresult", AF_NODE, offsetof(CaseExpr, defresult)},
	{NULL, 0, 0}
};
static const ast_field f_CaseWhen[] = {
	{"expr", AF_NODE, offsetof(CaseWhen, expr)},
	{"result", AF_NODE, offsetof(CaseWhen, result)},
	{NULL, 0, 0}
};
static const ast_field f_RowExpr[] = {
	{"args", AF_LIST, offsetof(RowExpr, args)},
	{"row_format", AF_INT, offsetof(RowExpr, row_format)},
	{NULL, 0, 0}
};
static const ast_field f_CoalesceExpr[] = {
	{"args", AF_LIST, offsetof(CoalesceExpr, args)},
	{NULL, 0, 0}
};
static const ast_field f_MinMaxExpr[] = {
	{"op", AF_INT, offsetof(MinMaxExpr, op)},
	{"args", AF_LIST, offsetof(MinMaxExpr, args)},
	{NULL, 0, 0}
};
static const ast_field f_SQLValueFunction[] = {
	{"op", AF_INT, offsetof(SQLValueFunction, op)},
	{"typmod", AF_INT, offsetof(SQLValueFunction, typmod)},
	{NULL, 0, 0}
};
static const ast_field f_SetToDefault[] = {
	{NULL, 0, 0}
};
static const ast_field f_GroupingFunc[] = {
	{"args", AF_LIST, offsetof(GroupingFunc, args)},
	{NULL, 0, 0}
};
static const ast_field f_CurrentOfExpr[] = {
	{"cursor_name", AF_STR, offsetof(CurrentOfExpr, cursor_name)},
	{NULL, 0, 0}
};
static const ast_field f_TypeName[] = {
	{"names", AF_LIST, offsetof(TypeName, names)},
	{"typmods", AF_LIST, offsetof(TypeName, typmods)},
	{"arrayBounds", AF_LIST, offsetof(TypeName, arrayBounds)},
	{"setof", AF_BOOL, offsetof(TypeName, setof)},
	{"pct_type", AF_BOOL, offsetof(TypeName, pct_type)},
	{NULL, 0, 0}
};
static const ast_field f_ResTarget[] = {
	{"name", AF_STR, offsetof(ResTarget, name)},
	{"indirection", AF_LIST, offsetof(ResTarget, indirection)},
	{"val", AF_NODE, offsetof(ResTarget, val)},
	{NULL, 0, 0}
};
static const ast_field f_MultiAssignRef[] = {
	{"source", AF_NODE, offsetof(MultiAssignRef, source)},
	{"colno", AF_INT, offsetof(MultiAssignRef, colno)},
	{"ncolumns", AF_INT, offsetof(MultiAssignRef, ncolumns)},
	{NULL, 0, 0}
};
static const ast_field f_SortBy[] = {
	{"node", AF_NODE, offsetof(SortBy, node)},
	{"sortby_dir", AF_INT, offsetof(SortBy, sortby_dir)},
	{"sortby_nulls", AF_INT, offsetof(SortBy, sortby_nulls)},
	{"useOp", AF_LIST, offsetof(SortBy, useOp)},
	{NULL, 0, 0}
};
static const ast_field f_WindowDef[] = {
	{"name", AF_STR, offsetof(WindowDef, name)},
	{"refname", AF_STR, offsetof(WindowDef, refname)},
	{"partitionClause", AF_LIST, offsetof(WindowDef, partitionClause)},
	{"orderClause", AF_LIST, offsetof(WindowDef, orderClause)},
	{"frameOptions", AF_INT, offsetof(WindowDef, frameOptions)},
	{"startOffset", AF_NODE, offsetof(WindowDef, startOffset)},
	{"endOffset", AF_NODE, offsetof(WindowDef, endOffset)},
	{NULL, 0, 0}
};
static const ast_field f_RangeVar[] = {
	{"catalogname", AF_STR, offsetof(RangeVar, catalogname)},
	{"schemaname", AF_STR, offsetof(RangeVar, schemaname)},
	{"relname", AF_STR, offsetof(RangeVar, relname)},
	{"inh", AF_BOOL, offsetof(RangeVar, inh)},
	{"relpersistence", AF_CHAR, offsetof(RangeVar, relpersistence)},
	{"alias", AF_NODE, offsetof(RangeVar, alias)},
	{NULL, 0, 0}
};
static const ast_field f_Alias[] = {
	{"aliasname", AF_STR, offsetof(Alias, aliasname)},
	{"colnames", AF_LIST, offsetof(Alias, colnames)},
	{NULL, 0, 0}
};
static const ast_field f_RangeSubselect[] = {
	{"lateral", AF_BOOL, offsetof(RangeSubselect, lateral)},
	{"subquery", AF_NODE, offsetof(RangeSubselect, subquery)},
	{"alias", AF_NODE, offsetof(RangeSubselect, alias)},
	{NULL, 0, 0}
};
static const ast_field f_RangeFunction[] = {
	{"lateral", AF_BOOL, offsetof(RangeFunction, lateral)},
	{"ordinality", AF_BOOL, offsetof(RangeFunction, ordinality)},
	{"is_rowsfrom", AF_BOOL, offsetof(RangeFunction, is_rowsfrom)},
	{"functions", AF_LIST, offsetof(RangeFunction, functions)},
	{"alias", AF_NODE, offsetof(RangeFunction, alias)},
	{"coldeflist", AF_LIST, offsetof(RangeFunction, coldeflist)},
	{NULL, 0, 0}
};
static const ast_field f_JoinExpr[] = {
	{"jointype", AF_INT, offsetof(JoinExpr, jointype)},
	{"isNatural", AF_BOOL, offsetof(JoinExpr, isNatural)},
	{"larg", AF_NODE, offsetof(JoinExpr, larg)},
	{"rarg", AF_NODE, offsetof(JoinExpr, rarg)},
	{"usingClause", AF_LIST, offsetof(JoinExpr, usingClause)},
	{"join_using_alias", AF_NODE, offsetof(JoinExpr, join_using_alias)},
	{"quals", AF_NODE, offsetof(JoinExpr, quals)},
	{"alias", AF_NODE, offsetof(JoinExpr, alias)},
	{NULL, 0, 0}
};
static const ast_field f_GroupingSet[] = {
	{"kind", AF_INT, offsetof(GroupingSet, kind)},
	{"content", AF_LIST, offsetof(GroupingSet, content)},
	{NULL, 0, 0}
};
static const ast_field f_WithClause[] = {
	{"ctes", AF_LIST, offsetof(WithClause, ctes)},
	{"recursive", AF_BOOL, offsetof(WithClause, recursive)},
	{NULL, 0, 0}
};
static const ast_field f_CommonTableExpr[] = {
	{"ctename", AF_STR, offsetof(CommonTableExpr, ctename)},
	{"aliascolnames", AF_LIST, offsetof(CommonTableExpr, aliascolnames)},
	{"ctematerialized", AF_INT, offsetof(CommonTableExpr, ctematerialized)},
	{"ctequery", AF_NODE, offsetof(CommonTableExpr, ctequery)},
	{NULL, 0, 0}
};
static const ast_field f_LockingClause[] = {
	{"lockedRels", AF_LIST, offsetof(LockingClause, lockedRels)},
	{"strength", AF_INT, offsetof(LockingClause, strength)},
	{"waitPolicy", AF_INT, offsetof(LockingClause, waitPolicy)},
	{NULL, 0, 0}
};
static const ast_field f_IntoClause[] = {
	{"rel", AF_NODE, offsetof(IntoClause, rel)},
	{"colNames", AF_LIST, offsetof(IntoClause, colNames)},
	{"accessMethod", AF_STR, offsetof(IntoClause, accessMethod)},
	{"options", AF_LIST, offsetof(IntoClause, options)},
	{"onCommit", AF_INT, offsetof(IntoClause, onCommit)},
	{"tableSpaceName", AF_STR, offsetof(IntoClause, tableSpaceName)},
	{"skipData", AF_BOOL, offsetof(IntoClause, skipData)},
	{NULL, 0, 0}
};
static const ast_field f_OnConflictClause[] = {
	{"action", AF_INT, offsetof(OnConflictClause, action)},
	{"infer", AF_NODE, offsetof(OnConflictClause, infer)},
	{"targetList", AF_LIST, offsetof(OnConflictClause, targetList)},
	{"whereClause", AF_NODE, offsetof(OnConflictClause, whereClause)},
	{"duplicate_key", AF_BOOL, offsetof(OnConflictClause, duplicate_key)},
	{NULL, 0, 0}
};
static const ast_field f_InferClause[] = {
	{"indexElems", AF_LIST, offsetof(InferClause, indexElems)},
	{"whereClause", AF_NODE, offsetof(InferClause, whereClause)},
	{"conname", AF_STR, offsetof(InferClause, conname)},
	{NULL, 0, 0}
};
static const ast_field f_ColumnDef[] = {
	{"colname", AF_STR, offsetof(ColumnDef, colname)},
	{"typeName", AF_NODE, offsetof(ColumnDef, typeName)},
	{"constraints", AF_LIST, offsetof(ColumnDef, constraints)},
	{"collClause", AF_NODE, offsetof(ColumnDef, collClause)},
	{"raw_default", AF_NODE, offsetof(ColumnDef, raw_default)},
	{"compression", AF_STR, offsetof(ColumnDef, compression)},
	{"storage", AF_STR, offsetof(ColumnDef, storage)},
	{NULL, 0, 0}
};
static const ast_field f_Constraint[] = {
	{"contype", AF_INT, offsetof(Constraint, contype)},
	{"conname", AF_STR, offsetof(Constraint, conname)},
	{"deferrable", AF_BOOL, offsetof(Constraint, deferrable)},
	{"initdeferred", AF_BOOL, offsetof(Constraint, initdeferred)},
	{"skip_validation", AF_BOOL, offsetof(Constraint, skip_validation)},
	{"is_no_inherit", AF_BOOL, offsetof(Constraint, is_no_inherit)},
	{"raw_expr", AF_NODE, offsetof(Constraint, raw_expr)},
	{"generated_when", AF_CHAR, offsetof(Constraint, generated_when)},
	{"nulls_not_distinct", AF_BOOL, offsetof(Constraint, nulls_not_distinct)},
	{"keys", AF_LIST, offsetof(Constraint, keys)},
	{"including", AF_LIST, offsetof(Constraint, including)},
	{"exclusions", AF_LIST, offsetof(Constraint, exclusions)},
	{"options", AF_LIST, offsetof(Constraint, options)},
	{"indexname", AF_STR, offsetof(Constraint, indexname)},
	{"indexspace", AF_STR, offsetof(Constraint, indexspace)},
	{"access_method", AF_STR, offsetof(Constraint, access_method)},
	{"where_clause", AF_NODE, offsetof(Constraint, where_clause)},
	{"pktable", AF_NODE, offsetof(Constraint, pktable)},
	{"fk_attrs", AF_LIST, offsetof(Constraint, fk_attrs)},
	{"pk_attrs", AF_LIST, offsetof(Constraint, pk_attrs)},
	{"fk_matchtype", AF_CHAR, offsetof(Constraint, fk_matchtype)},
	{"fk_upd_action", AF_CHAR, offsetof(Constraint, fk_upd_action)},
	{"fk_del_action", AF_CHAR, offsetof(Constraint, fk_del_action)},
	{"fk_del_set_cols", AF_LIST, offsetof(Constraint, fk_del_set_cols)},
	{NULL, 0, 0}
};
static const ast_field f_IndexElem[] = {
	{"name", AF_STR, offsetof(IndexElem, name)},
	{"expr", AF_NODE, offsetof(IndexElem, expr)},
	{"collation", AF_LIST, offsetof(IndexElem, collation)},
	{"opclass", AF_LIST, offsetof(IndexElem, opclass)},
	{"opclassopts", AF_LIST, offsetof(IndexElem, opclassopts)},
	{"ordering", AF_INT, offsetof(IndexElem, ordering)},
	{"nulls_ordering", AF_INT, offsetof(IndexElem, nulls_ordering)},
	{NULL, 0, 0}
};
static const ast_field f_DefElem[] = {
	{"defnamespace", AF_STR, offsetof(DefElem, defnamespace)},
	{"defname", AF_STR, offsetof(DefElem, defname)},
	{"arg", AF_NODE, offsetof(DefElem, arg)},
	{NULL, 0, 0}
};
static const ast_field f_TableLikeClause[] = {
	{"relation", AF_NODE, offsetof(TableLikeClause, relation)},
	{"options", AF_INT, offsetof(TableLikeClause, options)},
	{NULL, 0, 0}
};
static const ast_field f_PartitionSpec[] = {
	{"strategy", AF_STR, offsetof(PartitionSpec, strategy)},
	{"partParams", AF_LIST, offsetof(PartitionSpec, partParams)},
	{NULL, 0, 0}
};
static const ast_field f_FunctionParameter[] = {
	{"name", AF_STR, offsetof(FunctionParameter, name)},
	{"argType", AF_NODE, offsetof(FunctionParameter, argType)},
	{"mode", AF_INT, offsetof(FunctionParameter, mode)},
	{"defexpr", AF_NODE, offsetof(FunctionParameter, defexpr)},
	{NULL, 0, 0}
};
static const ast_field f_RoleSpec[] = {
	{"roletype", AF_INT, offsetof(RoleSpec, roletype)},
	{"rolename", AF_STR, offsetof(RoleSpec, rolename)},
	{NULL, 0, 0}
};
static const ast_field f_ObjectWithArgs[] = {
	{"objname", AF_LIST, offsetof(ObjectWithArgs, objname)},
	{"objargs", AF_LIST, offsetof(ObjectWithArgs, objargs)},
	{"args_unspecified", AF_BOOL, offsetof(ObjectWithArgs, args_unspecified)},
	{NULL, 0, 0}
};
static const ast_field f_AccessPriv[] = {
	{"priv_name", AF_STR, offsetof(AccessPriv, priv_name)},
	{"cols", AF_LIST, offsetof(AccessPriv, cols)},
	{NULL, 0, 0}
};
static const ast_field f_VacuumRelation[] = {
	{"relation", AF_NODE, offsetof(VacuumRelation, relation)},
	{"va_cols", AF_LIST, offsetof(VacuumRelation, va_cols)},
	{NULL, 0, 0}
};
static const ast_field f_AlterTableCmd[] = {
	{"subtype", AF_INT, offsetof(AlterTableCmd, subtype)},
	{"name", AF_STR, offsetof(AlterTableCmd, name)},
	{"newowner", AF_NODE, offsetof(AlterTableCmd, newowner)},
	{"def", AF_NODE, offsetof(AlterTableCmd, def)},
	{"behavior", AF_INT, offsetof(AlterTableCmd, behavior)},
	{"missing_ok", AF_BOOL, offsetof(AlterTableCmd, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_ParseNotice[] = {
	{"sqlstate", AF_STR, offsetof(ParseNotice, sqlstate)},
	{"message", AF_STR, offsetof(ParseNotice, message)},
	{NULL, 0, 0}
};
static const ast_field f_RawStmt[] = {
	{"stmt", AF_NODE, offsetof(RawStmt, stmt)},
	{"stmt_location", AF_INT, offsetof(RawStmt, stmt_location)},
	{"stmt_len", AF_INT, offsetof(RawStmt, stmt_len)},
	{NULL, 0, 0}
};
static const ast_field f_SelectStmt[] = {
	{"distinct", AF_BOOL, offsetof(SelectStmt, distinct)},
	{"distinctOn", AF_LIST, offsetof(SelectStmt, distinctOn)},
	{"intoClause", AF_NODE, offsetof(SelectStmt, intoClause)},
	{"targetList", AF_LIST, offsetof(SelectStmt, targetList)},
	{"fromClause", AF_LIST, offsetof(SelectStmt, fromClause)},
	{"whereClause", AF_NODE, offsetof(SelectStmt, whereClause)},
	{"groupClause", AF_LIST, offsetof(SelectStmt, groupClause)},
	{"groupDistinct", AF_BOOL, offsetof(SelectStmt, groupDistinct)},
	{"havingClause", AF_NODE, offsetof(SelectStmt, havingClause)},
	{"windowClause", AF_LIST, offsetof(SelectStmt, windowClause)},
	{"valuesLists", AF_LIST, offsetof(SelectStmt, valuesLists)},
	{"sortClause", AF_LIST, offsetof(SelectStmt, sortClause)},
	{"limitOffset", AF_NODE, offsetof(SelectStmt, limitOffset)},
	{"limitCount", AF_NODE, offsetof(SelectStmt, limitCount)},
	{"limitOption", AF_INT, offsetof(SelectStmt, limitOption)},
	{"lockingClause", AF_LIST, offsetof(SelectStmt, lockingClause)},
	{"withClause", AF_NODE, offsetof(SelectStmt, withClause)},
	{"op", AF_INT, offsetof(SelectStmt, op)},
	{"all", AF_BOOL, offsetof(SelectStmt, all)},
	{"larg", AF_NODE, offsetof(SelectStmt, larg)},
	{"rarg", AF_NODE, offsetof(SelectStmt, rarg)},
	{NULL, 0, 0}
};
static const ast_field f_InsertStmt[] = {
	{"relation", AF_NODE, offsetof(InsertStmt, relation)},
	{"cols", AF_LIST, offsetof(InsertStmt, cols)},
	{"selectStmt", AF_NODE, offsetof(InsertStmt, selectStmt)},
	{"onConflictClause", AF_NODE, offsetof(InsertStmt, onConflictClause)},
	{"returningList", AF_LIST, offsetof(InsertStmt, returningList)},
	{"withClause", AF_NODE, offsetof(InsertStmt, withClause)},
	{"override", AF_INT, offsetof(InsertStmt, override)},
	{"is_replace", AF_BOOL, offsetof(InsertStmt, is_replace)},
	{NULL, 0, 0}
};
static const ast_field f_UpdateStmt[] = {
	{"relation", AF_NODE, offsetof(UpdateStmt, relation)},
	{"targetList", AF_LIST, offsetof(UpdateStmt, targetList)},
	{"whereClause", AF_NODE, offsetof(UpdateStmt, whereClause)},
	{"fromClause", AF_LIST, offsetof(UpdateStmt, fromClause)},
	{"returningList", AF_LIST, offsetof(UpdateStmt, returningList)},
	{"withClause", AF_NODE, offsetof(UpdateStmt, withClause)},
	{NULL, 0, 0}
};
static const ast_field f_DeleteStmt[] = {
	{"relation", AF_NODE, offsetof(DeleteStmt, relation)},
	{"usingClause", AF_LIST, offsetof(DeleteStmt, usingClause)},
	{"whereClause", AF_NODE, offsetof(DeleteStmt, whereClause)},
	{"returningList", AF_LIST, offsetof(DeleteStmt, returningList)},
	{"withClause", AF_NODE, offsetof(DeleteStmt, withClause)},
	{NULL, 0, 0}
};
static const ast_field f_CreateStmt[] = {
	{"relation", AF_NODE, offsetof(CreateStmt, relation)},
	{"tableElts", AF_LIST, offsetof(CreateStmt, tableElts)},
	{"inhRelations", AF_LIST, offsetof(CreateStmt, inhRelations)},
	{"partspec", AF_NODE, offsetof(CreateStmt, partspec)},
	{"options", AF_LIST, offsetof(CreateStmt, options)},
	{"oncommit", AF_INT, offsetof(CreateStmt, oncommit)},
	{"tablespacename", AF_STR, offsetof(CreateStmt, tablespacename)},
	{"accessMethod", AF_STR, offsetof(CreateStmt, accessMethod)},
	{"if_not_exists", AF_BOOL, offsetof(CreateStmt, if_not_exists)},
	{NULL, 0, 0}
};
static const ast_field f_CreateTableAsStmt[] = {
	{"query", AF_NODE, offsetof(CreateTableAsStmt, query)},
	{"into", AF_NODE, offsetof(CreateTableAsStmt, into)},
	{"objtype", AF_INT, offsetof(CreateTableAsStmt, objtype)},
	{"is_select_into", AF_BOOL, offsetof(CreateTableAsStmt, is_select_into)},
	{"if_not_exists", AF_BOOL, offsetof(CreateTableAsStmt, if_not_exists)},
	{NULL, 0, 0}
};
static const ast_field f_AlterTableStmt[] = {
	{"relation", AF_NODE, offsetof(AlterTableStmt, relation)},
	{"cmds", AF_LIST, offsetof(AlterTableStmt, cmds)},
	{"objtype", AF_INT, offsetof(AlterTableStmt, objtype)},
	{"missing_ok", AF_BOOL, offsetof(AlterTableStmt, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_RenameStmt[] = {
	{"renameType", AF_INT, offsetof(RenameStmt, renameType)},
	{"relationType", AF_INT, offsetof(RenameStmt, relationType)},
	{"relation", AF_NODE, offsetof(RenameStmt, relation)},
	{"object", AF_NODE, offsetof(RenameStmt, object)},
	{"subname", AF_STR, offsetof(RenameStmt, subname)},
	{"newname", AF_STR, offsetof(RenameStmt, newname)},
	{"missing_ok", AF_BOOL, offsetof(RenameStmt, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_AlterObjectSchemaStmt[] = {
	{"objectType", AF_INT, offsetof(AlterObjectSchemaStmt, objectType)},
	{"relation", AF_NODE, offsetof(AlterObjectSchemaStmt, relation)},
	{"object", AF_NODE, offsetof(AlterObjectSchemaStmt, object)},
	{"newschema", AF_STR, offsetof(AlterObjectSchemaStmt, newschema)},
	{"missing_ok", AF_BOOL, offsetof(AlterObjectSchemaStmt, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_DropStmt[] = {
	{"objects", AF_LIST, offsetof(DropStmt, objects)},
	{"removeType", AF_INT, offsetof(DropStmt, removeType)},
	{"behavior", AF_INT, offsetof(DropStmt, behavior)},
	{"missing_ok", AF_BOOL, offsetof(DropStmt, missing_ok)},
	{"concurrent", AF_BOOL, offsetof(DropStmt, concurrent)},
	{NULL, 0, 0}
};
static const ast_field f_TruncateStmt[] = {
	{"relations", AF_LIST, offsetof(TruncateStmt, relations)},
	{"restart_seqs", AF_BOOL, offsetof(TruncateStmt, restart_seqs)},
	{"behavior", AF_INT, offsetof(TruncateStmt, behavior)},
	{NULL, 0, 0}
};
static const ast_field f_IndexStmt[] = {
	{"idxname", AF_STR, offsetof(IndexStmt, idxname)},
	{"relation", AF_NODE, offsetof(IndexStmt, relation)},
	{"accessMethod", AF_STR, offsetof(IndexStmt, accessMethod)},
	{"tableSpace", AF_STR, offsetof(IndexStmt, tableSpace)},
	{"indexParams", AF_LIST, offsetof(IndexStmt, indexParams)},
	{"indexIncludingParams", AF_LIST, offsetof(IndexStmt, indexIncludingParams)},
	{"options", AF_LIST, offsetof(IndexStmt, options)},
	{"whereClause", AF_NODE, offsetof(IndexStmt, whereClause)},
	{"unique", AF_BOOL, offsetof(IndexStmt, unique)},
	{"nulls_not_distinct", AF_BOOL, offsetof(IndexStmt, nulls_not_distinct)},
	{"concurrent", AF_BOOL, offsetof(IndexStmt, concurrent)},
	{"if_not_exists", AF_BOOL, offsetof(IndexStmt, if_not_exists)},
	{NULL, 0, 0}
};
static const ast_field f_ReindexStmt[] = {
	{"kind", AF_INT, offsetof(ReindexStmt, kind)},
	{"relation", AF_NODE, offsetof(ReindexStmt, relation)},
	{"name", AF_STR, offsetof(ReindexStmt, name)},
	{"params", AF_LIST, offsetof(ReindexStmt, params)},
	{NULL, 0, 0}
};
static const ast_field f_ViewStmt[] = {
	{"view", AF_NODE, offsetof(ViewStmt, view)},
	{"aliases", AF_LIST, offsetof(ViewStmt, aliases)},
	{"query", AF_NODE, offsetof(ViewStmt, query)},
	{"replace", AF_BOOL, offsetof(ViewStmt, replace)},
	{"options", AF_LIST, offsetof(ViewStmt, options)},
	{"withCheckOption", AF_INT, offsetof(ViewStmt, withCheckOption)},
	{NULL, 0, 0}
};
static const ast_field f_RefreshMatViewStmt[] = {
	{"concurrent", AF_BOOL, offsetof(RefreshMatViewStmt, concurrent)},
	{"skipData", AF_BOOL, offsetof(RefreshMatViewStmt, skipData)},
	{"relation", AF_NODE, offsetof(RefreshMatViewStmt, relation)},
	{NULL, 0, 0}
};
static const ast_field f_CreateSeqStmt[] = {
	{"sequence", AF_NODE, offsetof(CreateSeqStmt, sequence)},
	{"options", AF_LIST, offsetof(CreateSeqStmt, options)},
	{"if_not_exists", AF_BOOL, offsetof(CreateSeqStmt, if_not_exists)},
	{NULL, 0, 0}
};
static const ast_field f_AlterSeqStmt[] = {
	{"sequence", AF_NODE, offsetof(AlterSeqStmt, sequence)},
	{"options", AF_LIST, offsetof(AlterSeqStmt, options)},
	{"missing_ok", AF_BOOL, offsetof(AlterSeqStmt, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_CreateSchemaStmt[] = {
	{"schemaname", AF_STR, offsetof(CreateSchemaStmt, schemaname)},
	{"authrole", AF_NODE, offsetof(CreateSchemaStmt, authrole)},
	{"schemaElts", AF_LIST, offsetof(CreateSchemaStmt, schemaElts)},
	{"if_not_exists", AF_BOOL, offsetof(CreateSchemaStmt, if_not_exists)},
	{NULL, 0, 0}
};
static const ast_field f_CreatedbStmt[] = {
	{"dbname", AF_STR, offsetof(CreatedbStmt, dbname)},
	{"options", AF_LIST, offsetof(CreatedbStmt, options)},
	{NULL, 0, 0}
};
static const ast_field f_DropdbStmt[] = {
	{"dbname", AF_STR, offsetof(DropdbStmt, dbname)},
	{"missing_ok", AF_BOOL, offsetof(DropdbStmt, missing_ok)},
	{"options", AF_LIST, offsetof(DropdbStmt, options)},
	{NULL, 0, 0}
};
static const ast_field f_CreateRoleStmt[] = {
	{"stmt_type", AF_INT, offsetof(CreateRoleStmt, stmt_type)},
	{"role", AF_STR, offsetof(CreateRoleStmt, role)},
	{"options", AF_LIST, offsetof(CreateRoleStmt, options)},
	{NULL, 0, 0}
};
static const ast_field f_AlterRoleStmt[] = {
	{"role", AF_NODE, offsetof(AlterRoleStmt, role)},
	{"options", AF_LIST, offsetof(AlterRoleStmt, options)},
	{"setstmt", AF_NODE, offsetof(AlterRoleStmt, setstmt)},
	{"database", AF_STR, offsetof(AlterRoleStmt, database)},
	{NULL, 0, 0}
};
static const ast_field f_DropRoleStmt[] = {
	{"roles", AF_LIST, offsetof(DropRoleStmt, roles)},
	{"missing_ok", AF_BOOL, offsetof(DropRoleStmt, missing_ok)},
	{NULL, 0, 0}
};
static const ast_field f_GrantStmt[] = {
	{"is_grant", AF_BOOL, offsetof(GrantStmt, is_grant)},
	{"targtype", AF_INT, offsetof(GrantStmt, targtype)},
	{"objtype", AF_INT, offsetof(GrantStmt, objtype)},
	{"objects", AF_LIST, offsetof(GrantStmt, objects)},
	{"privileges", AF_LIST, offsetof(GrantStmt, privileges)},
	{"grantees", AF_LIST, offsetof(GrantStmt, grantees)},
	{"grant_option", AF_BOOL, offsetof(GrantStmt, grant_option)},
	{"grantor", AF_NODE, offsetof(GrantStmt, grantor)},
	{"behavior", AF_INT, offsetof(GrantStmt, behavior)},
	{NULL, 0, 0}
};
static const ast_field f_GrantRoleStmt[] = {
	{"granted_roles", AF_LIST, offsetof(GrantRoleStmt, granted_roles)},
	{"grantee_roles", AF_LIST, offsetof(GrantRoleStmt, grantee_roles)},
	{"is_grant", AF_BOOL, offsetof(GrantRoleStmt, is_grant)},
	{"admin_opt", AF_BOOL, offsetof(GrantRoleStmt, admin_opt)},
	{"grantor", AF_NODE, offsetof(GrantRoleStmt, grantor)},
	{"behavior", AF_INT, offsetof(GrantRoleStmt, behavior)},
	{NULL, 0, 0}
};
static const ast_field f_CommentStmt[] = {
	{"objtype", AF_INT, offsetof(CommentStmt, objtype)},
	{"object", AF_NODE, offsetof(CommentStmt, object)},
	{"comment", AF_STR, offsetof(CommentStmt, comment)},
	{NULL, 0, 0}
};
static const ast_field f_CreateFunctionStmt[] = {
	{"is_procedure", AF_BOOL, offsetof(CreateFunctionStmt, is_procedure)},
	{"replace", AF_BOOL, offsetof(CreateFunctionStmt, replace)},
	{"funcname", AF_LIST, offsetof(CreateFunctionStmt, funcname)},
	{"parameters", AF_LIST, offsetof(CreateFunctionStmt, parameters)},
	{"returnType", AF_NODE, offsetof(CreateFunctionStmt, returnType)},
	{"options", AF_LIST, offsetof(CreateFunctionStmt, options)},
	{"sql_body", AF_NODE, offsetof(CreateFunctionStmt, sql_body)},
	{NULL, 0, 0}
};
static const ast_field f_CallStmt[] = {
	{"funccall", AF_NODE, offsetof(CallStmt, funccall)},
	{NULL, 0, 0}
};
static const ast_field f_DoStmt[] = {
	{"args", AF_LIST, offsetof(DoStmt, args)},
	{NULL, 0, 0}
};
static const ast_field f_CreateTrigStmt[] = {
	{"replace", AF_BOOL, offsetof(CreateTrigStmt, replace)},
	{"isconstraint", AF_BOOL, offsetof(CreateTrigStmt, isconstraint)},
	{"trigname", AF_STR, offsetof(CreateTrigStmt, trigname)},
	{"relation", AF_NODE, offsetof(CreateTrigStmt, relation)},
	{"funcname", AF_LIST, offsetof(CreateTrigStmt, funcname)},
	{"args", AF_LIST, offsetof(CreateTrigStmt, args)},
	{"row", AF_BOOL, offsetof(CreateTrigStmt, row)},
	{"timing", AF_INT, offsetof(CreateTrigStmt, timing)},
	{"events", AF_INT, offsetof(CreateTrigStmt, events)},
	{"columns", AF_LIST, offsetof(CreateTrigStmt, columns)},
	{"whenClause", AF_NODE, offsetof(CreateTrigStmt, whenClause)},
	{"deferrable", AF_BOOL, offsetof(CreateTrigStmt, deferrable)},
	{"initdeferred", AF_BOOL, offsetof(CreateTrigStmt, initdeferred)},
	{"body", AF_LIST, offsetof(CreateTrigStmt, body)},
	{NULL, 0, 0}
};
static const ast_field f_TransactionStmt[] = {
	{"kind", AF_INT, offsetof(TransactionStmt, kind)},
	{"options", AF_LIST, offsetof(TransactionStmt, options)},
	{"savepoint_name", AF_STR, offsetof(TransactionStmt, savepoint_name)},
	{"gid", AF_STR, offsetof(TransactionStmt, gid)},
	{"chain", AF_BOOL, offsetof(TransactionStmt, chain)},
	{NULL, 0, 0}
};
static const ast_field f_VariableSetStmt[] = {
	{"kind", AF_INT, offsetof(VariableSetStmt, kind)},
	{"name", AF_STR, offsetof(VariableSetStmt, name)},
	{"args", AF_LIST, offsetof(VariableSetStmt, args)},
	{"is_local", AF_BOOL, offsetof(VariableSetStmt, is_local)},
	{NULL, 0, 0}
};
static const ast_field f_VariableShowStmt[] = {
	{"name", AF_STR, offsetof(VariableShowStmt, name)},
	{NULL, 0, 0}
};
static const ast_field f_PrepareStmt[] = {
	{"name", AF_STR, offsetof(PrepareStmt, name)},
	{"argtypes", AF_LIST, offsetof(PrepareStmt, argtypes)},
	{"query", AF_NODE, offsetof(PrepareStmt, query)},
	{NULL, 0, 0}
};
static const ast_field f_ExecuteStmt[] = {
	{"name", AF_STR, offsetof(ExecuteStmt, name)},
	{"params", AF_LIST, offsetof(ExecuteStmt, params)},
	{NULL, 0, 0}
};
static const ast_field f_DeallocateStmt[] = {
	{"name", AF_STR, offsetof(DeallocateStmt, name)},
	{NULL, 0, 0}
};
static const ast_field f_LockStmt[] = {
	{"relations", AF_LIST, offsetof(LockStmt, relations)},
	{"mode", AF_INT, offsetof(LockStmt, mode)},
	{"nowait", AF_BOOL, offsetof(LockStmt, nowait)},
	{NULL, 0, 0}
};
static const ast_field f_ListenStmt[] = {
	{"conditionname", AF_STR, offsetof(ListenStmt, conditionname)},
	{NULL, 0, 0}
};
static const ast_field f_UnlistenStmt[] = {
	{"conditionname", AF_STR, offsetof(UnlistenStmt, conditionname)},
	{NULL, 0, 0}
};
static const ast_field f_NotifyStmt[] = {
	{"conditionname", AF_STR, offsetof(NotifyStmt, conditionname)},
	{"payload", AF_STR, offsetof(NotifyStmt, payload)},
	{NULL, 0, 0}
};
static const ast_field f_DiscardStmt[] = {
	{"target", AF_INT, offsetof(DiscardStmt, target)},
	{NULL, 0, 0}
};
static const ast_field f_CopyStmt[] = {
	{"relation", AF_NODE, offsetof(CopyStmt, relation)},
	{"query", AF_NODE, offsetof(CopyStmt, query)},
	{"attlist", AF_LIST, offsetof(CopyStmt, attlist)},
	{"is_from", AF_BOOL, offsetof(CopyStmt, is_from)},
	{"is_program", AF_BOOL, offsetof(CopyStmt, is_program)},
	{"filename", AF_STR, offsetof(CopyStmt, filename)},
	{"options", AF_LIST, offsetof(CopyStmt, options)},
	{"whereClause", AF_NODE, offsetof(CopyStmt, whereClause)},
	{NULL, 0, 0}
};
static const ast_field f_ExplainStmt[] = {
	{"query", AF_NODE, offsetof(ExplainStmt, query)},
	{"options", AF_LIST, offsetof(ExplainStmt, options)},
	{NULL, 0, 0}
};
static const ast_field f_VacuumStmt[] = {
	{"options", AF_LIST, offsetof(VacuumStmt, options)},
	{"rels", AF_LIST, offsetof(VacuumStmt, rels)},
	{"is_vacuumcmd", AF_BOOL, offsetof(VacuumStmt, is_vacuumcmd)},
	{NULL, 0, 0}
};
static const ast_field f_CheckPointStmt[] = {
	{NULL, 0, 0}
};
static const ast_field f_ConstraintsSetStmt[] = {
	{"constraints", AF_LIST, offsetof(ConstraintsSetStmt, constraints)},
	{"deferred", AF_BOOL, offsetof(ConstraintsSetStmt, deferred)},
	{NULL, 0, 0}
};
static const ast_field f_DeclareCursorStmt[] = {
	{"portalname", AF_STR, offsetof(DeclareCursorStmt, portalname)},
	{"options", AF_INT, offsetof(DeclareCursorStmt, options)},
	{"query", AF_NODE, offsetof(DeclareCursorStmt, query)},
	{NULL, 0, 0}
};
static const ast_field f_FetchStmt[] = {
	{"direction", AF_INT, offsetof(FetchStmt, direction)},
	{"howMany", AF_INT64, offsetof(FetchStmt, howMany)},
	{"portalname", AF_STR, offsetof(FetchStmt, portalname)},
	{"ismove", AF_BOOL, offsetof(FetchStmt, ismove)},
	{NULL, 0, 0}
};
static const ast_field f_ClosePortalStmt[] = {
	{"portalname", AF_STR, offsetof(ClosePortalStmt, portalname)},
	{NULL, 0, 0}
};

_Static_assert(sizeof(((Integer *)0)->ival) == sizeof(int), "Integer.ival is int-sized");
_Static_assert(sizeof(((A_Const *)0)->ckind) == sizeof(int), "A_Const.ckind is int-sized");
_Static_assert(sizeof(((A_Const *)0)->ival) == sizeof(int), "A_Const.ival is int-sized");
_Static_assert(sizeof(((ParamRef *)0)->number) == sizeof(int), "ParamRef.number is int-sized");
_Static_assert(sizeof(((A_Expr *)0)->kind) == sizeof(int), "A_Expr.kind is int-sized");
_Static_assert(sizeof(((BoolExpr *)0)->boolop) == sizeof(int), "BoolExpr.boolop is int-sized");
_Static_assert(sizeof(((NullTest *)0)->nulltesttype) == sizeof(int), "NullTest.nulltesttype is int-sized");
_Static_assert(sizeof(((BooleanTest *)0)->booltesttype) == sizeof(int), "BooleanTest.booltesttype is int-sized");
_Static_assert(sizeof(((FuncCall *)0)->funcformat) == sizeof(int), "FuncCall.funcformat is int-sized");
_Static_assert(sizeof(((SubLink *)0)->subLinkType) == sizeof(int), "SubLink.subLinkType is int-sized");
_Static_assert(sizeof(((RowExpr *)0)->row_format) == sizeof(int), "RowExpr.row_format is int-sized");
_Static_assert(sizeof(((MinMaxExpr *)0)->op) == sizeof(int), "MinMaxExpr.op is int-sized");
_Static_assert(sizeof(((SQLValueFunction *)0)->op) == sizeof(int), "SQLValueFunction.op is int-sized");
_Static_assert(sizeof(((SQLValueFunction *)0)->typmod) == sizeof(int), "SQLValueFunction.typmod is int-sized");
_Static_assert(sizeof(((MultiAssignRef *)0)->colno) == sizeof(int), "MultiAssignRef.colno is int-sized");
_Static_assert(sizeof(((MultiAssignRef *)0)->ncolumns) == sizeof(int), "MultiAssignRef.ncolumns is int-sized");
_Static_assert(sizeof(((SortBy *)0)->sortby_dir) == sizeof(int), "SortBy.sortby_dir is int-sized");
_Static_assert(sizeof(((SortBy *)0)->sortby_nulls) == sizeof(int), "SortBy.sortby_nulls is int-sized");
_Static_assert(sizeof(((WindowDef *)0)->frameOptions) == sizeof(int), "WindowDef.frameOptions is int-sized");
_Static_assert(sizeof(((JoinExpr *)0)->jointype) == sizeof(int), "JoinExpr.jointype is int-sized");
_Static_assert(sizeof(((GroupingSet *)0)->kind) == sizeof(int), "GroupingSet.kind is int-sized");
_Static_assert(sizeof(((CommonTableExpr *)0)->ctematerialized) == sizeof(int), "CommonTableExpr.ctematerialized is int-sized");
_Static_assert(sizeof(((LockingClause *)0)->strength) == sizeof(int), "LockingClause.strength is int-sized");
_Static_assert(sizeof(((LockingClause *)0)->waitPolicy) == sizeof(int), "LockingClause.waitPolicy is int-sized");
_Static_assert(sizeof(((IntoClause *)0)->onCommit) == sizeof(int), "IntoClause.onCommit is int-sized");
_Static_assert(sizeof(((OnConflictClause *)0)->action) == sizeof(int), "OnConflictClause.action is int-sized");
_Static_assert(sizeof(((Constraint *)0)->contype) == sizeof(int), "Constraint.contype is int-sized");
_Static_assert(sizeof(((IndexElem *)0)->ordering) == sizeof(int), "IndexElem.ordering is int-sized");
_Static_assert(sizeof(((IndexElem *)0)->nulls_ordering) == sizeof(int), "IndexElem.nulls_ordering is int-sized");
_Static_assert(sizeof(((TableLikeClause *)0)->options) == sizeof(int), "TableLikeClause.options is int-sized");
_Static_assert(sizeof(((FunctionParameter *)0)->mode) == sizeof(int), "FunctionParameter.mode is int-sized");
_Static_assert(sizeof(((RoleSpec *)0)->roletype) == sizeof(int), "RoleSpec.roletype is int-sized");
_Static_assert(sizeof(((AlterTableCmd *)0)->subtype) == sizeof(int), "AlterTableCmd.subtype is int-sized");
_Static_assert(sizeof(((AlterTableCmd *)0)->behavior) == sizeof(int), "AlterTableCmd.behavior is int-sized");
_Static_assert(sizeof(((RawStmt *)0)->stmt_location) == sizeof(int), "RawStmt.stmt_location is int-sized");
_Static_assert(sizeof(((RawStmt *)0)->stmt_len) == sizeof(int), "RawStmt.stmt_len is int-sized");
_Static_assert(sizeof(((SelectStmt *)0)->limitOption) == sizeof(int), "SelectStmt.limitOption is int-sized");
_Static_assert(sizeof(((SelectStmt *)0)->op) == sizeof(int), "SelectStmt.op is int-sized");
_Static_assert(sizeof(((InsertStmt *)0)->override) == sizeof(int), "InsertStmt.override is int-sized");
_Static_assert(sizeof(((CreateStmt *)0)->oncommit) == sizeof(int), "CreateStmt.oncommit is int-sized");
_Static_assert(sizeof(((CreateTableAsStmt *)0)->objtype) == sizeof(int), "CreateTableAsStmt.objtype is int-sized");
_Static_assert(sizeof(((AlterTableStmt *)0)->objtype) == sizeof(int), "AlterTableStmt.objtype is int-sized");
_Static_assert(sizeof(((RenameStmt *)0)->renameType) == sizeof(int), "RenameStmt.renameType is int-sized");
_Static_assert(sizeof(((RenameStmt *)0)->relationType) == sizeof(int), "RenameStmt.relationType is int-sized");
_Static_assert(sizeof(((AlterObjectSchemaStmt *)0)->objectType) == sizeof(int), "AlterObjectSchemaStmt.objectType is int-sized");
_Static_assert(sizeof(((DropStmt *)0)->removeType) == sizeof(int), "DropStmt.removeType is int-sized");
_Static_assert(sizeof(((DropStmt *)0)->behavior) == sizeof(int), "DropStmt.behavior is int-sized");
_Static_assert(sizeof(((TruncateStmt *)0)->behavior) == sizeof(int), "TruncateStmt.behavior is int-sized");
_Static_assert(sizeof(((ReindexStmt *)0)->kind) == sizeof(int), "ReindexStmt.kind is int-sized");
_Static_assert(sizeof(((ViewStmt *)0)->withCheckOption) == sizeof(int), "ViewStmt.withCheckOption is int-sized");
_Static_assert(sizeof(((CreateRoleStmt *)0)->stmt_type) == sizeof(int), "CreateRoleStmt.stmt_type is int-sized");
_Static_assert(sizeof(((GrantStmt *)0)->targtype) == sizeof(int), "GrantStmt.targtype is int-sized");
_Static_assert(sizeof(((GrantStmt *)0)->objtype) == sizeof(int), "GrantStmt.objtype is int-sized");
_Static_assert(sizeof(((GrantStmt *)0)->behavior) == sizeof(int), "GrantStmt.behavior is int-sized");
_Static_assert(sizeof(((GrantRoleStmt *)0)->behavior) == sizeof(int), "GrantRoleStmt.behavior is int-sized");
_Static_assert(sizeof(((CommentStmt *)0)->objtype) == sizeof(int), "CommentStmt.objtype is int-sized");
_Static_assert(sizeof(((CreateTrigStmt *)0)->timing) == sizeof(int), "CreateTrigStmt.timing is int-sized");
_Static_assert(sizeof(((CreateTrigStmt *)0)->events) == sizeof(int), "CreateTrigStmt.events is int-sized");
_Static_assert(sizeof(((TransactionStmt *)0)->kind) == sizeof(int), "TransactionStmt.kind is int-sized");
_Static_assert(sizeof(((VariableSetStmt *)0)->kind) == sizeof(int), "VariableSetStmt.kind is int-sized");
_Static_assert(sizeof(((LockStmt *)0)->mode) == sizeof(int), "LockStmt.mode is int-sized");
_Static_assert(sizeof(((DiscardStmt *)0)->target) == sizeof(int), "DiscardStmt.target is int-sized");
_Static_assert(sizeof(((DeclareCursorStmt *)0)->options) == sizeof(int), "DeclareCursorStmt.options is int-sized");
_Static_assert(sizeof(((FetchStmt *)0)->direction) == sizeof(int), "FetchStmt.direction is int-sized");

const ast_node_info ast_node_table[T_NUM_TAGS] = {
	[T_String] = {"String", sizeof(String), f_String},
	[T_Integer] = {"Integer", sizeof(Integer), f_Integer},
	[T_Float] = {"Float", sizeof(Float), f_Float},
	[T_Boolean] = {"Boolean", sizeof(Boolean), f_Boolean},
	[T_A_Const] = {"A_Const", sizeof(A_Const), f_A_Const},
	[T_ColumnRef] = {"ColumnRef", sizeof(ColumnRef), f_ColumnRef},
	[T_ParamRef] = {"ParamRef", sizeof(ParamRef), f_ParamRef},
	[T_A_Expr] = {"A_Expr", sizeof(A_Expr), f_A_Expr},
	[T_BoolExpr] = {"BoolExpr", sizeof(BoolExpr), f_BoolExpr},
	[T_NullTest] = {"NullTest", sizeof(NullTest), f_NullTest},
	[T_BooleanTest] = {"BooleanTest", sizeof(BooleanTest), f_BooleanTest},
	[T_TypeCast] = {"TypeCast", sizeof(TypeCast), f_TypeCast},
	[T_CollateClause] = {"CollateClause", sizeof(CollateClause), f_CollateClause},
	[T_FuncCall] = {"FuncCall", sizeof(FuncCall), f_FuncCall},
	[T_NamedArgExpr] = {"NamedArgExpr", sizeof(NamedArgExpr), f_NamedArgExpr},
	[T_A_Star] = {"A_Star", sizeof(A_Star), f_A_Star},
	[T_A_Indices] = {"A_Indices", sizeof(A_Indices), f_A_Indices},
	[T_A_Indirection] = {"A_Indirection", sizeof(A_Indirection), f_A_Indirection},
	[T_A_ArrayExpr] = {"A_ArrayExpr", sizeof(A_ArrayExpr), f_A_ArrayExpr},
	[T_SubLink] = {"SubLink", sizeof(SubLink), f_SubLink},
	[T_CaseExpr] = {"CaseExpr", sizeof(CaseExpr), f_CaseExpr},
	[T_CaseWhen] = {"CaseWhen", sizeof(CaseWhen), f_CaseWhen},
	[T_RowExpr] = {"RowExpr", sizeof(RowExpr), f_RowExpr},
	[T_CoalesceExpr] = {"CoalesceExpr", sizeof(CoalesceExpr), f_CoalesceExpr},
	[T_MinMaxExpr] = {"MinMaxExpr", sizeof(MinMaxExpr), f_MinMaxExpr},
	[T_SQLValueFunction] = {"SQLValueFunction", sizeof(SQLValueFunction), f_SQLValueFunction},
	[T_SetToDefault] = {"SetToDefault", sizeof(SetToDefault), f_SetToDefault},
	[T_GroupingFunc] = {"GroupingFunc", sizeof(GroupingFunc), f_GroupingFunc},
	[T_CurrentOfExpr] = {"CurrentOfExpr", sizeof(CurrentOfExpr), f_CurrentOfExpr},
	[T_TypeName] = {"TypeName", sizeof(TypeName), f_TypeName},
	[T_ResTarget] = {"ResTarget", sizeof(ResTarget), f_ResTarget},
	[T_MultiAssignRef] = {"MultiAssignRef", sizeof(MultiAssignRef), f_MultiAssignRef},
	[T_SortBy] = {"SortBy", sizeof(SortBy), f_SortBy},
	[T_WindowDef] = {"WindowDef", sizeof(WindowDef), f_WindowDef},
	[T_RangeVar] = {"RangeVar", sizeof(RangeVar), f_RangeVar},
	[T_Alias] = {"Alias", sizeof(Alias), f_Alias},
	[T_RangeSubselect] = {"RangeSubselect", sizeof(RangeSubselect), f_RangeSubselect},
	[T_RangeFunction] = {"RangeFunction", sizeof(RangeFunction), f_RangeFunction},
	[T_JoinExpr] = {"JoinExpr", sizeof(JoinExpr), f_JoinExpr},
	[T_GroupingSet] = {"GroupingSet", sizeof(GroupingSet), f_GroupingSet},
	[T_WithClause] = {"WithClause", sizeof(WithClause), f_WithClause},
	[T_CommonTableExpr] = {"CommonTableExpr", sizeof(CommonTableExpr), f_CommonTableExpr},
	[T_LockingClause] = {"LockingClause", sizeof(LockingClause), f_LockingClause},
	[T_IntoClause] = {"IntoClause", sizeof(IntoClause), f_IntoClause},
	[T_OnConflictClause] = {"OnConflictClause", sizeof(OnConflictClause), f_OnConflictClause},
	[T_InferClause] = {"InferClause", sizeof(InferClause), f_InferClause},
	[T_ColumnDef] = {"ColumnDef", sizeof(ColumnDef), f_ColumnDef},
	[T_Constraint] = {"Constraint", sizeof(Constraint), f_Constraint},
	[T_IndexElem] = {"IndexElem", sizeof(IndexElem), f_IndexElem},
	[T_DefElem] = {"DefElem", sizeof(DefElem), f_DefElem},
	[T_TableLikeClause] = {"TableLikeClause", sizeof(TableLikeClause), f_TableLikeClause},
	[T_PartitionSpec] = {"PartitionSpec", sizeof(PartitionSpec), f_PartitionSpec},
	[T_FunctionParameter] = {"FunctionParameter", sizeof(FunctionParameter), f_FunctionParameter},
	[T_RoleSpec] = {"RoleSpec", sizeof(RoleSpec), f_RoleSpec},
	[T_ObjectWithArgs] = {"ObjectWithArgs", sizeof(ObjectWithArgs), f_ObjectWithArgs},
	[T_AccessPriv] = {"AccessPriv", sizeof(AccessPriv), f_AccessPriv},
	[T_VacuumRelation] = {"VacuumRelation", sizeof(VacuumRelation), f_VacuumRelation},
	[T_AlterTableCmd] = {"AlterTableCmd", sizeof(AlterTableCmd), f_AlterTableCmd},
	[T_ParseNotice] = {"ParseNotice", sizeof(ParseNotice), f_ParseNotice},
	[T_RawStmt] = {"RawStmt", sizeof(RawStmt), f_RawStmt},
	[T_SelectStmt] = {"SelectStmt", sizeof(SelectStmt), f_SelectStmt},
	[T_InsertStmt] = {"InsertStmt", sizeof(InsertStmt), f_InsertStmt},
	[T_UpdateStmt] = {"UpdateStmt", sizeof(UpdateStmt), f_UpdateStmt},
	[T_DeleteStmt] = {"DeleteStmt", sizeof(DeleteStmt), f_DeleteStmt},
	[T_CreateStmt] = {"CreateStmt", sizeof(CreateStmt), f_CreateStmt},
	[T_CreateTableAsStmt] = {"CreateTableAsStmt", sizeof(CreateTableAsStmt), f_CreateTableAsStmt},
	[T_AlterTableStmt] = {"AlterTableStmt", sizeof(AlterTableStmt), f_AlterTableStmt},
	[T_RenameStmt] = {"RenameStmt", sizeof(RenameStmt), f_RenameStmt},
	[T_AlterObjectSchemaStmt] = {"AlterObjectSchemaStmt", sizeof(AlterObjectSchemaStmt), f_AlterObjectSchemaStmt},
	[T_DropStmt] = {"DropStmt", sizeof(DropStmt), f_DropStmt},
	[T_TruncateStmt] = {"TruncateStmt", sizeof(TruncateStmt), f_TruncateStmt},
	[T_IndexStmt] = {"IndexStmt", sizeof(IndexStmt), f_IndexStmt},
	[T_ReindexStmt] = {"ReindexStmt", sizeof(ReindexStmt), f_ReindexStmt},
	[T_ViewStmt] = {"ViewStmt", sizeof(ViewStmt), f_ViewStmt},
	[T_RefreshMatViewStmt] = {"RefreshMatViewStmt", sizeof(RefreshMatViewStmt), f_RefreshMatViewStmt},
	[T_CreateSeqStmt] = {"CreateSeqStmt", sizeof(CreateSeqStmt), f_CreateSeqStmt},
	[T_AlterSeqStmt] = {"AlterSeqStmt", sizeof(AlterSeqStmt), f_AlterSeqStmt},
	[T_CreateSchemaStmt] = {"CreateSchemaStmt", sizeof(CreateSchemaStmt), f_CreateSchemaStmt},
	[T_CreatedbStmt] = {"CreatedbStmt", sizeof(CreatedbStmt), f_CreatedbStmt},
	[T_DropdbStmt] = {"DropdbStmt", sizeof(DropdbStmt), f_DropdbStmt},
	[T_CreateRoleStmt] = {"CreateRoleStmt", sizeof(CreateRoleStmt), f_CreateRoleStmt},
	[T_AlterRoleStmt] = {"AlterRoleStmt", sizeof(AlterRoleStmt), f_AlterRoleStmt},
	[T_DropRoleStmt] = {"DropRoleStmt", sizeof(DropRoleStmt), f_DropRoleStmt},
	[T_GrantStmt] = {"GrantStmt", sizeof(GrantStmt), f_GrantStmt},
	[T_GrantRoleStmt] = {"GrantRoleStmt", sizeof(GrantRoleStmt), f_GrantRoleStmt},
	[T_CommentStmt] = {"CommentStmt", sizeof(CommentStmt), f_CommentStmt},
	[T_CreateFunctionStmt] = {"CreateFunctionStmt", sizeof(CreateFunctionStmt), f_CreateFunctionStmt},
	[T_CallStmt] = {"CallStmt", sizeof(CallStmt), f_CallStmt},
	[T_DoStmt] = {"DoStmt", sizeof(DoStmt), f_DoStmt},
	[T_CreateTrigStmt] = {"CreateTrigStmt", sizeof(CreateTrigStmt), f_CreateTrigStmt},
	[T_TransactionStmt] = {"TransactionStmt", sizeof(TransactionStmt), f_TransactionStmt},
	[T_VariableSetStmt] = {"VariableSetStmt", sizeof(VariableSetStmt), f_VariableSetStmt},
	[T_VariableShowStmt] = {"VariableShowStmt", sizeof(VariableShowStmt), f_VariableShowStmt},
	[T_PrepareStmt] = {"PrepareStmt", sizeof(PrepareStmt), f_PrepareStmt},
	[T_ExecuteStmt] = {"ExecuteStmt", sizeof(ExecuteStmt), f_ExecuteStmt},
	[T_DeallocateStmt] = {"DeallocateStmt", sizeof(DeallocateStmt), f_DeallocateStmt},
	[T_LockStmt] = {"LockStmt", sizeof(LockStmt), f_LockStmt},
	[T_ListenStmt] = {"ListenStmt", sizeof(ListenStmt), f_ListenStmt},
	[T_UnlistenStmt] = {"UnlistenStmt", sizeof(UnlistenStmt), f_UnlistenStmt},
	[T_NotifyStmt] = {"NotifyStmt", sizeof(NotifyStmt), f_NotifyStmt},
	[T_DiscardStmt] = {"DiscardStmt", sizeof(DiscardStmt), f_DiscardStmt},
	[T_CopyStmt] = {"CopyStmt", sizeof(CopyStmt), f_CopyStmt},
	[T_ExplainStmt] = {"ExplainStmt", sizeof(ExplainStmt), f_ExplainStmt},
	[T_VacuumStmt] = {"VacuumStmt", sizeof(VacuumStmt), f_VacuumStmt},
	[T_CheckPointStmt] = {"CheckPointStmt", sizeof(CheckPointStmt), f_CheckPointStmt},
	[T_ConstraintsSetStmt] = {"ConstraintsSetStmt", sizeof(ConstraintsSetStmt), f_ConstraintsSetStmt},
	[T_DeclareCursorStmt] = {"DeclareCursorStmt", sizeof(DeclareCursorStmt), f_DeclareCursorStmt},
	[T_FetchStmt] = {"FetchStmt", sizeof(FetchStmt), f_FetchStmt},
	[T_ClosePortalStmt] = {"ClosePortalStmt", sizeof(ClosePortalStmt), f_ClosePortalStmt},
};
