/** cli-table3 borders without a rule between rows. */
export const COMPACT = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
