/** Public entry point of the MyPit sandbox. */
export { startSandbox } from './server';
export { credentialsFor } from './credentials';
export { DEMO_ACCOUNT, DEFAULT_PAGE_CAP } from './state';
export { DEFAULT_READINGS, READING_CHOICES, type Readings } from './readings';
export { DOCUMENTED, OFF_DOCUMENT_CHOICES, type OffDocument } from './offDocument';
export { BADGE_TYPES, CURSOR_RULES, FAULT_KINDS, PAGINATION_BEHAVIOURS } from './types';
export type { InFlightReport } from './load';
export type {
	Account,
	BadgeType,
	CursorRule,
	Fault,
	FaultKind,
	Holder,
	IssuedBadge,
	LoggedRequest,
	PageResult,
	PaginationBehaviour,
	Sandbox,
	SandboxConfig,
	SandboxControl,
	SandboxOptions,
	SeedBadgeOptions,
	Template,
} from './types';
