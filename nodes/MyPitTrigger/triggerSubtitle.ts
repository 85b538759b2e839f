import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The canvas subtitle in words, as the Event list names the event: "New Issued Badge", "Badge
 * Expiring (14 days)". Built from the Event options and the Days Ahead field, so a new event gets
 * its label from its own name; a value without a label shows as it is.
 */
export function eventSubtitle(properties: INodeProperties[]): string {
	const event = properties.find((property) => property.name === 'event');
	const daysAhead = properties.find((property) => property.name === 'daysAhead');
	const labels = Object.fromEntries(
		((event?.options ?? []) as INodePropertyOptions[]).map((option) => [
			String(option.value),
			option.name,
		]),
	);
	// A saved workflow may leave out parameters at their default: read those as the editor does.
	const chosen = `($parameter["event"] || ${JSON.stringify(event?.default)})`;
	const days = `($parameter["daysAhead"] || ${JSON.stringify(daysAhead?.default)})`;
	const withDays = JSON.stringify(daysAhead?.displayOptions?.show?.event ?? []);
	const unit = `(Number(${days}) === 1 ? " day)" : " days)")`;
	// Parenthesised: an object literal at the start of an expression would read as a block.
	return `={{ ((${JSON.stringify(labels)})[${chosen}] || ${chosen}) + (${withDays}.includes(${chosen}) ? " (" + ${days} + ${unit} : "") }}`;
}
