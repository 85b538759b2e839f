/** Old path, kept while other branches still import it: use tooling/stack/demo. */
export * from '../../tooling/stack/demo';
