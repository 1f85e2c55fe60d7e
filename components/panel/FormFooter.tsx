/** The end of every small form in the panel: what is wrong (announced), then submit and cancel. */
export function FormFooter({ problem, submitLabel, onCancel }: { problem: string | null; submitLabel: string; onCancel(): void }) {
  return (
    <>
      {problem && (
        <p class="os-form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="os-actions">
        <button type="submit" class="os-btn os-btn-primary">
          {submitLabel}
        </button>
        <button type="button" class="os-btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
