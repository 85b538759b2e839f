// The guard lives in the pager (transport/cursorPager.ts); the probe (tooling/probe) imports it
// from here until it reads through the pager.
export { MAX_EMPTY_PAGES_IN_A_ROW, PageGuard, type PageResponse } from '../transport/cursorPager';
