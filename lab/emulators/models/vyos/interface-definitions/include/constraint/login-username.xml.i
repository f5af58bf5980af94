<!-- include start from constraint/login-username.xml.i -->
<regex>[-_a-zA-Z0-9.]{1,100}</regex>
<!-- include end -->
