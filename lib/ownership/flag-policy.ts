import type { RecordChange } from '../messaging/protocol';
import type { PanelFlagPolicy } from '../model/panel-view';
import { mayUnderFlagPolicy } from '../model/permissions';
import type { UserRole } from '../model/sync';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A change checked against the team's flag policy before it is queued: the role may set the flag, a
 * "do not market" date stays within the pack's maximum and on its channels, and an outreach claim gets
 * the pack's default expiry. Returns the change to queue, or why it cannot be.
 */
export function applyFlagPolicy(change: RecordChange, policy: PanelFlagPolicy | null, role: UserRole | undefined, now: number): { change: RecordChange } | { problem: string } {
  if (!policy) return { change };
  if (role) {
    const permission = mayUnderFlagPolicy(change.name, role, policy);
    if (!permission.allowed) return { problem: permission.reason };
  }
  if (change.name === 'flag.outreach.claim') {
    return { change: { ...change, args: { ...change.args, until: change.args.until ?? now + policy.outreach.defaultExpiryDays * DAY } } };
  }
  if (change.name === 'flag.dnm.set') {
    const { maxDays, channels } = policy.doNotMarket;
    // The form picks the end of a day: allow that day's remaining hours.
    if (change.args.until > now + (maxDays + 1) * DAY) return { problem: `Your team's rules allow "do not market" for at most ${maxDays} days.` };
    const outside = change.args.channels.filter((c) => !channels.includes(c));
    if (outside.length) return { problem: `Your team's rules do not cover ${outside.join(', ')} for "do not market".` };
  }
  return { change };
}
