import type { CrmAdapter, DetectedRecord } from './types';
import { pathSegments } from './host';

// Odoo keeps people and companies in one model, res.partner, so the URL gives the id and the DOM gives the
// kind. Two URL grammars:
//   17.2+ / 18: /odoo/<action or model>/<id>[/<action or model>/<id>…]; the last pair is the record on
//               screen (odoo/odoo addons/web/static/tests/core/router.test.js, "deserialize … actions").
//               Partners show as `contacts` (the Contacts app's action path), `res.partner`, or the
//               partner form actions by xml id.
//   ≤ 17.0:     /web#id=<id>&model=res.partner&view_type=form (order varies, more keys may follow).
// A numeric action (`/odoo/action-123/7`) does not say its model, so it gives null. crm.lead is left out
// on purpose: the same model holds leads and pipeline opportunities (deals), and the URL cannot tell them apart.
const MODEL = 'res.partner';
const PARTNER_PATHS = new Set([
  'contacts',
  MODEL,
  'action-base.action_partner_form',
  'action-contacts.action_contacts',
]);
// odoo.com's own sites, not customer databases.
const HOST = /^(?!(?:www|apps|accounts|upgrade|runbot|nightly|download)\.)[a-z0-9-]+\.odoo\.com$/i;

/** The id of the partner on screen, from either URL grammar, or null. */
function partnerId(url: URL): string | null {
  const segments = pathSegments(url);
  if (segments[0] === 'odoo') {
    const recordId = segments.at(-1) ?? '';
    const action = segments.at(-2) ?? '';
    const viewType = url.searchParams.get('view_type');
    if (!/^\d+$/.test(recordId) || !PARTNER_PATHS.has(action) || (viewType && viewType !== 'form')) return null;
    return recordId;
  }
  if (segments.length === 1 && segments[0] === 'web') {
    const state = new URLSearchParams(url.hash.replace(/^#/, ''));
    const recordId = state.get('id') ?? '';
    const viewType = state.get('view_type');
    if (state.get('model') !== MODEL || !/^\d+$/.test(recordId) || (viewType && viewType !== 'form')) return null;
    return recordId;
  }
  return null;
}

/**
 * Person or company, from the partner form's `company_type` radio (base.view_partner_form:
 * `<field name="company_type" widget="radio"/>`; web.RadioField renders `input.o_radio_input[data-value]`).
 * Only the form of the current action counts, never one in a dialog over it.
 */
function partnerKind(doc: Document): DetectedRecord['kind'] | null {
  const form = doc.querySelector('.o_action_manager .o_form_view') ?? doc.querySelector('.o_form_view');
  const checked = form?.querySelector('[name="company_type"] input.o_radio_input:checked');
  const value = checked?.getAttribute('data-value');
  if (value === 'company') return 'account';
  if (value === 'person') return 'contact';
  return null;
}

export const odoo = {
  id: 'odoo',
  label: 'Odoo',
  matches: ['https://*.odoo.com/*'],
  isHost: (hostname) => HOST.test(hostname),
  /**
   * Without `doc` (or before the form has rendered) the kind is unknown and this returns null: a guessed
   * kind would file the partner under a second key. The content script re-runs on DOM changes.
   */
  detect(url, doc) {
    const recordId = partnerId(url);
    const kind = recordId && doc ? partnerKind(doc) : null;
    return recordId && kind ? { kind, recordId, objectType: MODEL } : null;
  },
} satisfies CrmAdapter;
