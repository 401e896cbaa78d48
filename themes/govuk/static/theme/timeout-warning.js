// The GOV.UK timeout warning pattern for signed-in users: a modal dialog opens shortly
// before the session would end for want of activity, counts down, and offers "Stay signed in"
// (a POST that counts as activity) or "Sign out". The server decides: before opening, and when
// the time is up, the dialog asks how long is really left (with a GET that does not extend the
// session), because the user may have been busy in another tab.

const TICK_MS = 1000
const ANNOUNCE_EVERY_MS = 20000 // screen readers hear the countdown at most this often

class TimeoutWarning {
  constructor (dialog) {
    this.dialog = dialog
    this.heading = dialog.querySelector('h2')
    this.countdown = dialog.querySelector('#timeout-warning-countdown')
    this.announcement = dialog.querySelector('[data-timeout-warning-announcement]')
    this.form = dialog.querySelector('form')
    this.deadline = Date.now() + Number(dialog.dataset.idleMinutes) * 60000
    this.latestRequest = 0
    this.asking = false
    this.lastAnnounced = 0
    this.returnFocusTo = null

    this.form.addEventListener('submit', (event) => {
      if (event.submitter && event.submitter.hasAttribute('data-timeout-warning-stay')) {
        event.preventDefault()
        this.staySignedIn()
      }
    })
    // Escape closes a modal dialog natively; the pattern treats it as "Stay signed in".
    dialog.addEventListener('cancel', () => this.staySignedIn())
    dialog.addEventListener('close', () => this.restoreFocus())
    window.setInterval(() => this.tick(), TICK_MS)
  }

  // Read on every tick, so a test can bring the warning forward by changing the attribute.
  warningMs () {
    return Number(this.dialog.dataset.warningSeconds) * 1000
  }

  tick () {
    const left = this.deadline - Date.now()
    if (!this.dialog.open) {
      if (left <= this.warningMs()) this.askServer()
    } else {
      this.showTimeLeft(left)
      if (left <= 0) this.askServer()
    }
  }

  askServer () {
    if (this.asking) return
    this.asking = true
    this.request('GET').finally(() => { this.asking = false })
  }

  staySignedIn () {
    this.close()
    this.request('POST', new FormData(this.form))
  }

  request (method, body) {
    const number = ++this.latestRequest
    return window.fetch(this.dialog.dataset.statusUrl, {
      method,
      body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    })
      .then((response) => response.json())
      .then((status) => {
        if (number !== this.latestRequest) return // a later answer is on its way
        if (!status.signed_in) {
          window.location.assign(this.dialog.dataset.signedOutUrl)
          return
        }
        this.deadline = Date.now() + status.seconds_left * 1000
        if (status.seconds_left * 1000 > this.warningMs()) {
          this.close()
        } else {
          this.open()
        }
      })
      // Offline or a server error: keep counting and ask again on a later tick.
      .catch(() => {})
  }

  open () {
    if (this.dialog.open) return
    this.returnFocusTo = document.activeElement
    // Filled in while the dialog is hidden, so it is not announced on top of the dialog's own
    // description, which is read out as it opens.
    this.announcement.textContent = this.showTimeLeft(this.deadline - Date.now())
    this.lastAnnounced = Date.now()
    this.dialog.showModal()
    this.heading.focus()
  }

  close () {
    if (this.dialog.open) this.dialog.close()
  }

  restoreFocus () {
    const target = this.returnFocusTo
    this.returnFocusTo = null
    if (target && target !== document.body && document.contains(target)) target.focus()
  }

  // Shows the time left and returns the message.
  showTimeLeft (ms) {
    const data = this.dialog.dataset
    const seconds = Math.max(0, Math.ceil(ms / 1000))
    let time
    if (seconds > 60) {
      time = data.textMinutes.replace('{count}', Math.ceil(seconds / 60))
    } else if (seconds === 1) {
      time = data.textSecond
    } else {
      time = data.textSeconds.replace('{count}', seconds)
    }
    const message = data.textCountdown.replace('{time}', time)
    this.countdown.textContent = message
    const now = Date.now()
    if (message !== this.announcement.textContent && now - this.lastAnnounced >= ANNOUNCE_EVERY_MS) {
      this.announcement.textContent = message
      this.lastAnnounced = now
    }
    return message
  }
}

const dialog = document.querySelector('[data-module="portal-timeout-warning"]')
if (dialog && typeof dialog.showModal === 'function') {
  new TimeoutWarning(dialog) // eslint-disable-line no-new
}
