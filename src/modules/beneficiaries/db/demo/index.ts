/** Demo persons, requests and case files in every stage across the demo scopes (issue 6 item 8). */
import type pg from 'pg';

export async function seedDemoBeneficiaries(_client: pg.ClientBase): Promise<void> {
  // Filled by the demo part of the module.
}
