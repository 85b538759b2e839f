/** Old path, kept while other branches still import it: use tooling/stack/examples. */
export * from '../../tooling/stack/examples';
