/**
 * What `npm start`, `npm run demo` and `npm run sandbox` put into the MyPit sandbox: the demo account, three badge
 * templates with readable names (the example workflows pick "Course Completion" by name), five
 * holders, and eight issued badges of which four expire within the next 30 days and one has
 * expired. A history that holds together: templates first, then holders, then badges issued
 * over the past year, each valid for its template's 365 days, so each expires after it was issued.
 */
import type { Holder, IssuedBadge, Sandbox, Template } from './types';

export interface DemoData {
	templates: Template[];
	holders: Holder[];
	badges: IssuedBadge[];
	/** Badges that expire after now and within 30 days (what example 03 should find). */
	expiringWithin30Days: IssuedBadge[];
}

export const DEMO_TEMPLATES = [
	{
		name: 'Course Completion',
		type: 'achievement',
		description: 'Awarded for completing the Automation 101 course',
		criteria: 'Complete all modules and pass the final quiz',
		validityPeriod: 365,
		imageUrl: 'https://example.com/badges/course-completion.png',
		price: 0,
	},
	{
		name: 'First Aid Certificate',
		type: 'healthcare',
		description: 'Certified first aider for the workplace',
		criteria: 'Attend the two-day first aid training and pass the assessment',
		validityPeriod: 730,
		imageUrl: 'https://example.com/badges/first-aid.png',
		price: 0,
	},
	{
		name: 'Fleet Driver Permit',
		type: 'mobility',
		description: 'Allowed to drive the company fleet',
		criteria: 'Valid driving licence and completed fleet safety briefing',
		validityPeriod: 90,
		imageUrl: 'https://example.com/badges/fleet-driver.png',
		price: 0,
	},
] as const;

export const DEMO_HOLDERS = [
	{
		name: 'Marie Curie',
		email: 'marie@example.com',
		phone: '+33 1 5555 0101',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000101',
		holderId: 'marie',
	},
	{
		name: 'Nikola Tesla',
		email: 'nikola@example.com',
		phone: '+1 212 555 0102',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000102',
		holderId: 'nikola',
	},
	{
		name: 'Rosalind Franklin',
		email: 'rosalind@example.com',
		phone: '+44 20 5555 0103',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000103',
		holderId: 'rosalind',
	},
	{
		name: 'Hedy Lamarr',
		email: 'hedy@example.com',
		phone: '+1 310 555 0104',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000104',
		holderId: 'hedy',
	},
	{
		name: 'Srinivasa Ramanujan',
		email: 'srinivasa@example.com',
		phone: '+91 44 5555 0105',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000105',
		holderId: 'srinivasa',
	},
] as const;

/**
 * Days until expiry of the seeded badges, oldest issue first (the list's order): -3 has expired;
 * 5, 12, 25 and 28 are within 30 days.
 */
export const DEMO_BADGE_EXPIRY_DAYS = [-3, 5, 12, 25, 28, 45, 90, 200] as const;

const DAY_MS = 86_400_000;
/** The templates were created this many days ago (one a day), the holders after them. */
const TEMPLATES_CREATED_DAYS_AGO = 420;
const HOLDERS_CREATED_DAYS_AGO = 400;
/** One template was edited since: Template Updated has an event to show. */
const TEMPLATE_UPDATED_DAYS_AGO = { 'First Aid Certificate': 30 } as Record<string, number>;

/**
 * Seeds the demo account of a fresh sandbox, in the order it would have happened, so every list
 * is oldest first by its dates. The request log is cleared afterwards: it shows only what n8n sends.
 */
export async function seedDemoData(sandbox: Sandbox): Promise<DemoData> {
	const { userId } = sandbox.demo;
	const now = Date.now();
	const daysAgo = (days: number) => now - days * DAY_MS;
	const templates = DEMO_TEMPLATES.map((template, i) => {
		const createdAt = daysAgo(TEMPLATES_CREATED_DAYS_AGO - i);
		const updated = TEMPLATE_UPDATED_DAYS_AGO[template.name];
		return sandbox.control.seedTemplates(userId, 1, {
			...template,
			isActive: true,
			createdAt,
			updatedAt: updated === undefined ? createdAt : daysAgo(updated),
		})[0];
	});
	const holders = sandbox.control.seedHolders(userId, DEMO_HOLDERS.length, (i) => ({
		...DEMO_HOLDERS[i],
		createdAt: daysAgo(HOLDERS_CREATED_DAYS_AGO - i),
	}));
	const course = templates[0];
	const badges = sandbox.control.seedBadges(userId, DEMO_BADGE_EXPIRY_DAYS.length, {
		templateId: course._id,
		recipientIds: holders.map((holder) => holder._id),
		expiresInDays: (i) => DEMO_BADGE_EXPIRY_DAYS[i],
		issuedDaysAgo: (i) => course.validityPeriod - DEMO_BADGE_EXPIRY_DAYS[i],
	});
	sandbox.control.clearLog();
	return {
		templates,
		holders,
		badges,
		expiringWithin30Days: badges.filter(
			(badge) => badge.expiresAt > now && badge.expiresAt <= now + 30 * DAY_MS,
		),
	};
}
