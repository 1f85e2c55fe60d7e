import { Icon } from './icons';

/** What failed, what to do, and the action that does it. */
export function ErrorState({
  message,
  retryable,
  onRetry,
  onOpenOptions,
}: {
  message: string;
  retryable: boolean;
  onRetry(): void;
  onOpenOptions(): void;
}) {
  return (
    <div class="os-body">
      <div class="os-section">
        <div class="os-error" role="group" aria-label="Error">
          <Icon name="alert" />
          <div>
            <h2 class="os-error-title">Couldn’t load ownership</h2>
            <p class="os-error-msg">{message}</p>
            <p class="os-action">
              {retryable
                ? 'Check your connection, then try again. Your CRM page is not affected.'
                : 'This will not fix itself. Check the extension’s settings or ask your admin.'}
            </p>
          </div>
        </div>
        <div class="os-actions">
          {retryable ? (
            <button type="button" class="os-btn os-btn-primary" onClick={onRetry}>
              <Icon name="sync" />
              Retry
            </button>
          ) : (
            <button type="button" class="os-btn" onClick={onOpenOptions}>
              <Icon name="settings" />
              Open settings
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
