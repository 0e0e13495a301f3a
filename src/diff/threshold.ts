/**
 * The default lowest similarity that aligns two elements: the --threshold default, in a module of
 * its own so that the command table can name it without loading the diff.
 */
export const DEFAULT_THRESHOLD = 0.35;
