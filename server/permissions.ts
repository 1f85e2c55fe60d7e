// The rule table lives beside the protocol so the extension shows the same reasons the service enforces.
export * from '../lib/model/permissions';
