DROP TABLE declarations;
DROP TABLE vote_ballots;
DROP TABLE decision_votes;
DROP FUNCTION decision_votes_locked();
