-- The national chart of budget lines and the minimum daily cost references (issue 9, part budget;
-- decision 0031). Revenue by source; expenditure in the three official sections of the 2007 model
-- cahier des charges (operating, equipment and investment, staff) with their sub-lines. Each line
-- carries the account of the association chart of accounts (PCA, CNC normal model, built on the
-- CGNC numbering) it is booked to; the system administrator can correct a mapping on the chart
-- screen. Codes are stable identifiers other parts rely on: never rename a code, retire it (valid_to).
--
-- A line that has sub-lines is a heading: budgets and entries use its sub-lines
-- (finance.line_is_postable below); the reports add the sub-lines up to the heading.

INSERT INTO finance.budget_lines (code, kind, section, parent_code, name_ar, name_fr, pca_account, is_grant, is_food, allowed_categories, position) VALUES
  -- Revenue by source. Grants and donations (is_grant) are reported to the ministry within 10 days.
  ('rev_en_subsidy', 'revenue', NULL, NULL, 'منحة التعاون الوطني', 'Subvention de l''Entraide Nationale', '7161', true, false, NULL, 10),
  ('rev_ministry_grant', 'revenue', NULL, NULL, 'منح الوزارة الوصية وصندوق دعم التماسك الاجتماعي', 'Subventions du ministère et du Fonds d''appui à la cohésion sociale', '7161', true, false, NULL, 20),
  ('rev_indh', 'revenue', NULL, NULL, 'المبادرة الوطنية للتنمية البشرية', 'Initiative nationale pour le développement humain (INDH)', '7161', true, false, NULL, 30),
  ('rev_local_authorities', 'revenue', NULL, NULL, 'منح الجماعات الترابية (الجماعة، الإقليم، الجهة)', 'Subventions des collectivités territoriales (commune, province, région)', '7161', true, false, NULL, 40),
  ('rev_education_food_grant', 'revenue', NULL, NULL, 'منحة الإطعام لوزارة التربية الوطنية', 'Subvention d''alimentation du ministère de l''Éducation nationale', '7161', true, false, NULL, 50),
  ('rev_private_donations', 'revenue', NULL, NULL, 'التبرعات والإحسان', 'Dons privés et bienfaisance', '718', true, false, NULL, 60),
  -- Voluntary contributions in kind are valued but stay off the income statement in the PCA
  -- (they are shown in the additional information statement): no account.
  ('rev_in_kind_donations', 'revenue', NULL, NULL, 'التبرعات العينية (مقيمة)', 'Dons en nature (valorisés)', NULL, true, false, NULL, 70),
  ('rev_foreign_funding', 'revenue', NULL, NULL, 'التمويل الأجنبي (المصرح به للأمانة العامة للحكومة)', 'Financements étrangers (déclarés au SGG)', '7161', true, false, NULL, 80),
  -- Law 65-15 art. 6: only establishments for elderly persons or persons with disabilities may charge.
  ('rev_beneficiary_contributions', 'revenue', NULL, NULL, 'مساهمات المستفيدين', 'Contributions des bénéficiaires', '7124', false, false, ARRAY['elderly', 'disability'], 90),
  ('rev_income_activities', 'revenue', NULL, NULL, 'الأنشطة المدرة للدخل', 'Activités génératrices de revenus', '7127', false, false, NULL, 100),
  ('rev_carry_over', 'revenue', NULL, NULL, 'الفائض المرحل من السنة السابقة', 'Report de l''exercice précédent', '116', false, false, NULL, 110),

  -- Expenditure, operating (تسيير).
  ('op_food', 'expenditure', 'operating', NULL, 'التغذية', 'Alimentation', '6122', false, true, NULL, 200),
  ('op_utilities', 'expenditure', 'operating', NULL, 'الماء والكهرباء والغاز', 'Eau, électricité et gaz', '6125', false, false, NULL, 210),
  ('op_cleaning', 'expenditure', 'operating', NULL, 'النظافة والتطهير', 'Nettoyage et hygiène', '6122', false, false, NULL, 220),
  ('op_medicines', 'expenditure', 'operating', NULL, 'الأدوية والعلاجات الأولية', 'Médicaments et soins de base', '6122', false, false, NULL, 230),
  ('op_insurance', 'expenditure', 'operating', NULL, 'تأمين المستفيدين', 'Assurance des bénéficiaires', '6134', false, false, NULL, 240),
  ('op_activities', 'expenditure', 'operating', NULL, 'الأنشطة التربوية والترفيهية', 'Activités éducatives et de loisirs', '6126', false, false, NULL, 250),
  ('op_transport', 'expenditure', 'operating', NULL, 'النقل والتنقل', 'Transports et déplacements', '6142', false, false, NULL, 260),
  ('op_rent', 'expenditure', 'operating', NULL, 'الكراء', 'Loyers', '6131', false, false, NULL, 270),
  ('op_maintenance', 'expenditure', 'operating', NULL, 'الصيانة والإصلاحات الصغرى', 'Entretien et petites réparations', '6133', false, false, NULL, 280),
  ('op_office', 'expenditure', 'operating', NULL, 'اللوازم المكتبية والاتصالات', 'Fournitures de bureau et télécommunications', '6145', false, false, NULL, 290),
  ('op_bank_fees', 'expenditure', 'operating', NULL, 'المصاريف البنكية', 'Frais bancaires', '6147', false, false, NULL, 300),
  ('op_audit_fees', 'expenditure', 'operating', NULL, 'أتعاب الخبير المحاسب والافتحاص', 'Honoraires d''expertise comptable et d''audit', '6136', false, false, NULL, 310),

  -- Expenditure, equipment and investment (تجهيز واستثمار).
  ('eq_furniture', 'expenditure', 'equipment', NULL, 'الأثاث والأفرشة', 'Mobilier et literie', '2351', false, false, NULL, 400),
  ('eq_kitchen', 'expenditure', 'equipment', NULL, 'تجهيزات المطبخ', 'Équipement de cuisine', '2332', false, false, NULL, 410),
  ('eq_it', 'expenditure', 'equipment', NULL, 'المعدات المعلوماتية', 'Matériel informatique', '2355', false, false, NULL, 420),
  ('eq_technical_aids', 'expenditure', 'equipment', NULL, 'المعينات التقنية والأجهزة التعويضية', 'Aides techniques et appareillage', '2332', false, false, NULL, 430),
  ('eq_works', 'expenditure', 'equipment', NULL, 'أشغال التهيئة والترميم', 'Travaux d''aménagement et de réhabilitation', '2327', false, false, NULL, 440),
  ('eq_vehicles', 'expenditure', 'equipment', NULL, 'وسائل النقل', 'Matériel de transport', '2340', false, false, NULL, 450),

  -- Expenditure, staff (إطار المستخدمين والأعوان).
  ('st_salaries', 'expenditure', 'staff', NULL, 'الأجور', 'Salaires', '6171', false, false, NULL, 600),
  ('st_social_contributions', 'expenditure', 'staff', NULL, 'اشتراكات الضمان الاجتماعي والتأمين الإجباري عن المرض', 'Cotisations CNSS et AMO', '6174', false, false, NULL, 670),
  ('st_training', 'expenditure', 'staff', NULL, 'تكوين المستخدمين', 'Formation du personnel', '6176', false, false, NULL, 680);

-- Sub-lines (inserted after their headings).
INSERT INTO finance.budget_lines (code, kind, section, parent_code, name_ar, name_fr, pca_account, position) VALUES
  ('op_water', 'expenditure', 'operating', 'op_utilities', 'الماء', 'Eau', '61251', 211),
  ('op_electricity', 'expenditure', 'operating', 'op_utilities', 'الكهرباء', 'Électricité', '61251', 212),
  ('op_gas', 'expenditure', 'operating', 'op_utilities', 'الغاز', 'Gaz', '6125', 213),
  ('st_salary_director', 'expenditure', 'staff', 'st_salaries', 'أجر المدير', 'Salaire du directeur', '6171', 610),
  ('st_salary_finance', 'expenditure', 'staff', 'st_salaries', 'أجر المسؤول المالي', 'Salaire du responsable financier', '6171', 620),
  ('st_salary_educators', 'expenditure', 'staff', 'st_salaries', 'أجور المربين', 'Salaires des éducateurs', '6171', 630),
  ('st_salary_social_health', 'expenditure', 'staff', 'st_salaries', 'أجور المرشد الاجتماعي والممرض', 'Salaires de l''assistant social et de l''infirmier', '6171', 640),
  ('st_salary_support', 'expenditure', 'staff', 'st_salaries', 'أجور الطباخ والمساعدين والحراس وعمال النظافة', 'Salaires du cuisinier, des aides, des gardiens et de l''entretien', '6171', 650);

-- A sub-line belongs to its heading's kind and section (the chart screen can add lines later).
CREATE FUNCTION finance.check_line_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p finance.budget_lines;
BEGIN
  IF NEW.parent_code IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO p FROM finance.budget_lines WHERE code = NEW.parent_code;
  IF p.parent_code IS NOT NULL OR p.kind <> NEW.kind OR p.section IS DISTINCT FROM NEW.section THEN
    RAISE EXCEPTION 'line % cannot be a sub-line of %', NEW.code, NEW.parent_code
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_parent';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER budget_lines_parent BEFORE INSERT OR UPDATE ON finance.budget_lines
  FOR EACH ROW EXECUTE FUNCTION finance.check_line_parent();

-- A line can carry amounts (in a budget, in the ledger) in a year when it is in the chart that year
-- and is not a heading (a heading is the sum of its sub-lines valid that year).
CREATE FUNCTION finance.line_is_postable(p_code text, p_year int) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM finance.budget_lines l
    WHERE l.code = p_code AND l.valid_from <= p_year AND (l.valid_to IS NULL OR l.valid_to >= p_year)
      AND NOT EXISTS (SELECT 1 FROM finance.budget_lines c
                      WHERE c.parent_code = l.code AND c.valid_from <= p_year AND (c.valid_to IS NULL OR c.valid_to >= p_year)))
$$;
GRANT EXECUTE ON FUNCTION finance.line_is_postable(text, int) TO raaya_app;

-- Minimum daily cost of basic needs per beneficiary (Law 65-15 art. 13: each category's special
-- cahier des charges sets it). The 2023 orders' figures are not yet in the sources (domain research
-- §9): these are indicative defaults the reference administrator replaces on the references screen.
INSERT INTO finance.daily_cost_references (legal_category, year, amount_mad)
SELECT c.category, y.year, c.amount
FROM (VALUES ('kafala_children', 60.00), ('child_protection', 45.00), ('schooled_children', 25.00),
             ('disability', 60.00), ('homeless_beggars', 40.00), ('women_multipurpose', 40.00),
             ('elderly', 50.00), ('mobile_social_emergency', 30.00)) AS c(category, amount)
CROSS JOIN generate_series(2020, 2027) AS y(year);
ALTER TABLE finance.daily_cost_references ADD CONSTRAINT daily_cost_references_category CHECK (legal_category IN (
  'kafala_children', 'child_protection', 'schooled_children', 'disability', 'homeless_beggars',
  'women_multipurpose', 'elderly', 'mobile_social_emergency'));
-- The references screen deletes a wrong year.
GRANT DELETE ON finance.daily_cost_references TO raaya_app;
