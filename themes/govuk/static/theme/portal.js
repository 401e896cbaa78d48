import { initAll } from './build/govuk-frontend.min.js'

initAll()
