"""One module per printed form: a DTO in, PDF bytes out (app.printouts prints them by number)."""
