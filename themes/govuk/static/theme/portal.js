import { initAll } from './build/govuk-frontend.min.js'

initAll()

// A page that comes back at a part of itself (a new repeating item after "Add more") moves
// focus there too, so a screen reader starts reading at the new item.
const target = window.location.hash && document.getElementById(window.location.hash.slice(1))
if (target && target.hasAttribute('data-focus-on-load')) {
  target.focus()
}
