DROP TABLE kept_submissions;
