/** Old path of the n8n tooling, kept while other branches still import it: use tooling/n8n. */
export * from '../../../tooling/n8n';
