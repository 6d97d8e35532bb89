"""Files and facts to a request: judge the seeds as a whole, name the files, pick the questions."""
