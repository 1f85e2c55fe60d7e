import { browser, type Browser } from 'wxt/browser';
import type { PageFacts, RecordRef } from '../../lib/crm/types';
import type { PanelClientMessage } from '../../lib/messaging/protocol';
import { PANEL_PORT, type PanelServerMessage } from '../../lib/messaging/port';
import type { PanelState } from '../../lib/model/panel-view';

const MAX_RECONNECTS = 3;

/**
 * The panel's live line to the background. The service worker may be stopped at any time, which
 * disconnects the port: we reconnect (that wakes it) and ask again, a few times, then show the error.
 */
export class PanelConnection {
  private port: Browser.runtime.Port | undefined;
  private watched: { ref: RecordRef; facts: PageFacts } | undefined;
  private reconnects = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onState: (state: PanelState) => void,
    private readonly onGone: () => void,
  ) {}

  watch(ref: RecordRef, facts: PageFacts): void {
    this.watched = { ref, facts };
    this.reconnects = 0;
    this.send({ type: 'watch', ref, facts });
  }

  updateFacts(facts: PageFacts): void {
    if (!this.watched) return;
    this.watched.facts = facts;
    this.send({ type: 'facts', facts });
  }

  /** The record the panel shows, with what the page says of it. */
  current(): { ref: RecordRef; facts: PageFacts } | undefined {
    return this.watched;
  }

  /** Asks for the record again (Retry, or when a flag or SLA runs out). */
  refresh(): void {
    if (this.watched) this.send({ type: 'watch', ref: this.watched.ref, facts: this.watched.facts });
  }

  close(): void {
    this.watched = undefined;
    clearTimeout(this.refreshTimer);
    const port = this.port;
    this.port = undefined;
    port?.disconnect();
  }

  private send(message: PanelClientMessage): void {
    try {
      this.ensurePort().postMessage(message);
    } catch {
      this.handleDisconnect();
    }
  }

  private ensurePort(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((message: PanelServerMessage) => {
      if (message.type !== 'state') return;
      this.reconnects = 0;
      this.scheduleRefresh(message.state);
      this.onState(message.state);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.handleDisconnect();
    });
    this.port = port;
    return port;
  }

  private scheduleRefresh(state: PanelState): void {
    clearTimeout(this.refreshTimer);
    if (state.status !== 'ready' || state.view.refreshAt === undefined) return;
    const at = state.view.refreshAt;
    // Capped so a far-off expiry does not hold a timer for weeks; a later render sets a new one.
    const delay = Math.min(Math.max(at - state.view.now, 0) + 50, 6 * 60 * 60 * 1000);
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
  }

  private handleDisconnect(): void {
    this.port = undefined;
    if (!this.watched) return;
    // An extension that was updated or removed leaves this script orphaned: go quietly.
    if (!browser.runtime?.id) {
      this.onGone();
      return;
    }
    if (this.reconnects >= MAX_RECONNECTS) {
      this.onState({
        status: 'error',
        ref: this.watched.ref,
        message: 'Lost contact with the Ownersight extension.',
        retryable: true,
      });
      return;
    }
    this.reconnects += 1;
    setTimeout(() => this.refresh(), 100 * this.reconnects);
  }
}
