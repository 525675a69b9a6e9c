/** Which store a database setting names: PostgreSQL for postgres:// and postgresql://, else a SQLite file. */
export const isPostgresUrl = (database: string) => /^postgres(ql)?:\/\//i.test(database);

/** A database URL without its password, for messages. */
export const redact = (database: string) => database.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
