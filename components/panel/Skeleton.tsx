/** Loading: the panel's shape in grey, no spinner; screen readers hear the live region instead. */
export function Skeleton() {
  return (
    <div class="os-body os-skeleton" aria-hidden="true">
      <div class="os-header">
        <span class="os-bone" style={{ width: '70%', height: '16px' }} />
        <span class="os-bone" style={{ width: '40%' }} />
        <div class="os-owner">
          <span class="os-bone os-bone-avatar" />
          <div class="os-owner-text">
            <span class="os-bone" style={{ width: '55%' }} />
            <span class="os-bone" style={{ width: '35%' }} />
          </div>
        </div>
      </div>
      <div class="os-section">
        <span class="os-bone" style={{ width: '100%', height: '40px' }} />
        <span class="os-bone" style={{ width: '80%' }} />
      </div>
      <div class="os-section">
        <span class="os-bone" style={{ width: '30%' }} />
        <span class="os-bone" style={{ width: '100%', height: '6px' }} />
        <span class="os-bone" style={{ width: '65%' }} />
      </div>
    </div>
  );
}
