/**
 * A page that attacks click-to-call's buttons, for the click-guard tests in Chromium
 * (clickGuard.e2e.ts) and Firefox (firefox.e2e.ts): each number's button is hidden by one trick
 * while it still takes clicks, one button is slid under the pointer, and one is in plain view.
 */
export const HOST = 'voip-widget-call';
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="margin: 0; font: 16px/1.5 sans-serif">${body}</body></html>`;

export const TRICKS = page(
  'Tricks',
  `
  <p id="control">Visible: 02 555 70 00</p>
  <p id="filter" style="filter: opacity(0)">Filter: 02 555 70 01</p>
  <p id="mask" style="mask-image: linear-gradient(transparent, transparent); -webkit-mask-image: linear-gradient(transparent, transparent)">Mask: 02 555 70 02</p>
  <p id="clip" style="display: inline-block; clip-path: polygon(0 0, 60% 0, 60% 100%, 0 100%)">Clip path: 02 555 70 03</p>
  <div style="position: relative"><p id="overlay">Overlay: 02 555 70 04</p>
    <div style="position: absolute; inset: 0; background: white; pointer-events: none">Play the video ▶</div></div>
  <div id="slider" style="position: absolute; z-index: 1; left: 400px; top: 600px; white-space: nowrap">Slide: 02 555 70 05</div>
  <button id="decoy" style="position: absolute; left: 40px; top: 500px; width: 200px; height: 40px">Play ▶</button>
  <script>
    // Moves the old button's host so that its centre is at (x, y), right under the waiting pointer.
    window.slideUnder = (x, y) => {
      const slider = document.getElementById('slider');
      const host = slider.querySelector('${HOST}').getBoundingClientRect();
      slider.style.left = (parseFloat(slider.style.left) + x - (host.left + host.width / 2)) + 'px';
      slider.style.top = (parseFloat(slider.style.top) + y - (host.top + host.height / 2)) + 'px';
    };
  </script>`,
);
