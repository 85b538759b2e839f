/** Old path, kept while other branches still import it: use tooling/stack/stack. */
export * from '../../tooling/stack/stack';
